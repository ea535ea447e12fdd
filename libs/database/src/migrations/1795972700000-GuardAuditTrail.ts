import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: the audit trail is append-only. An event may be updated once, by the sequencer, to
 * receive its chain position; every other update, every delete and any truncate is refused.
 * Also seeds the chain head at the genesis position.
 */
export class GuardAuditTrail1795972700000 implements MigrationInterface {
  name = 'GuardAuditTrail1795972700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`INSERT INTO "audit_chain_head" ("id", "seq", "hash") VALUES (1, 0, repeat('0', 64))`);
    await queryRunner.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE'
           AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
           AND (NEW.id, NEW.arrival, NEW.occurred_at, NEW.actor_user_id, NEW.actor_subject_id, NEW.actor_role,
                NEW.action, NEW.entity_type, NEW.entity_id, NEW.data)
               IS NOT DISTINCT FROM
               (OLD.id, OLD.arrival, OLD.occurred_at, OLD.actor_user_id, OLD.actor_subject_id, OLD.actor_role,
                OLD.action, OLD.entity_type, OLD.entity_id, OLD.data)
        THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_audit_events_append_only" BEFORE UPDATE OR DELETE ON "audit_events"
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events"
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_audit_events_no_truncate" ON "audit_events"`);
    await queryRunner.query(`DROP TRIGGER "TRG_audit_events_append_only" ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION audit_events_append_only()`);
    await queryRunner.query(`DELETE FROM "audit_chain_head"`);
  }
}
