import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFoundation1795972626154 implements MigrationInterface {
  name = 'CreateFoundation1795972626154';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "subjects" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(200) NOT NULL,
                "uscc" character(18) NOT NULL,
                "kind" character varying(32) NOT NULL,
                "roles" text array NOT NULL,
                "status" character varying(16) NOT NULL,
                "district" character varying(100),
                "legal_representative" character varying(100),
                "payout_account" character varying(100),
                "status_reason" text,
                "is_platform" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_subjects_roles" CHECK (cardinality("roles") >= 1),
                CONSTRAINT "CHK_subjects_kind" CHECK (
                    "kind" IN (
                        'enterprise',
                        'institution',
                        'government',
                        'individual_business'
                    )
                ),
                CONSTRAINT "CHK_subjects_status" CHECK (
                    "status" IN ('pending', 'active', 'rejected', 'suspended')
                ),
                CONSTRAINT "PK_1a023685ac2b051b4e557b0b280" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_subjects_uscc" ON "subjects" ("uscc")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_subjects_status" ON "subjects" ("status")
        `);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "subject_id" uuid NOT NULL,
                "email" character varying(254) NOT NULL,
                "password_hash" text NOT NULL,
                "display_name" character varying(100) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_users_email" ON "users" ("email")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_users_subject_id" ON "users" ("subject_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "outbox_events" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "type" character varying(100) NOT NULL,
                "aggregate_type" character varying(50) NOT NULL,
                "aggregate_id" character varying(100) NOT NULL,
                "payload" jsonb NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "published_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_6689a16c00d09b8089f6237f1d2" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_outbox_events_unpublished" ON "outbox_events" ("id")
            WHERE "published_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_outbox_events_aggregate" ON "outbox_events" ("aggregate_type", "aggregate_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "outbox_deliveries" (
                "consumer" character varying(100) NOT NULL,
                "event_id" bigint NOT NULL,
                "delivered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7cdb5e50fad592c97ee2d3ad963" PRIMARY KEY ("consumer", "event_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "outbox_consumers" (
                "name" character varying(100) NOT NULL,
                "since_event_id" bigint NOT NULL,
                "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_11b0bcc736265f85c98fda27999" PRIMARY KEY ("name")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "id" uuid NOT NULL,
                "arrival" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "seq" bigint,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "actor_user_id" uuid,
                "actor_subject_id" uuid,
                "actor_role" character varying(32),
                "action" character varying(100) NOT NULL,
                "entity_type" character varying(50) NOT NULL,
                "entity_id" character varying(100) NOT NULL,
                "data" jsonb NOT NULL,
                "prev_hash" character(64),
                "hash" character(64),
                CONSTRAINT "CHK_audit_events_chain_fields" CHECK (
                    ("seq" IS NULL) = ("hash" IS NULL)
                    AND ("seq" IS NULL) = ("prev_hash" IS NULL)
                ),
                CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_audit_events_seq" ON "audit_events" ("seq")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_audit_events_unsequenced" ON "audit_events" ("arrival")
            WHERE "seq" IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_audit_events_occurred_at" ON "audit_events" ("occurred_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_audit_events_actor_subject_id" ON "audit_events" ("actor_subject_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_audit_events_action" ON "audit_events" ("action")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_audit_events_entity" ON "audit_events" ("entity_type", "entity_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "audit_chain_head" (
                "id" smallint NOT NULL,
                "seq" bigint NOT NULL,
                "hash" character(64) NOT NULL,
                CONSTRAINT "CHK_audit_chain_head_single_row" CHECK ("id" = 1),
                CONSTRAINT "PK_9211408bf584034de409b1bbec5" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "FK_users_subject_id" FOREIGN KEY ("subject_id") REFERENCES "subjects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "FK_users_subject_id"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_chain_head"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_events_entity"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_events_action"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_events_actor_subject_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_events_occurred_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_events_unsequenced"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_audit_events_seq"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_events"
        `);
    await queryRunner.query(`
            DROP TABLE "outbox_consumers"
        `);
    await queryRunner.query(`
            DROP TABLE "outbox_deliveries"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_outbox_events_aggregate"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_outbox_events_unpublished"
        `);
    await queryRunner.query(`
            DROP TABLE "outbox_events"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_users_subject_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_users_email"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_subjects_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_subjects_uscc"
        `);
    await queryRunner.query(`
            DROP TABLE "subjects"
        `);
  }
}
