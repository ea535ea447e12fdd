import { MigrationInterface, QueryRunner } from 'typeorm';

const JOURNAL = ['ledger_transfers', 'ledger_entries'];

/**
 * Hand-written: transfers and entries are immutable. A correction is a new transfer, never an edit; the
 * database refuses every update, delete and truncate of the journal, whoever asks. (ledger_balances, the
 * O(1) read model the entries prove, is updated by every posting and checked by reconciliation.)
 */
export class LedgerJournalAppendOnly1796600000000 implements MigrationInterface {
  name = 'LedgerJournalAppendOnly1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION ledger_journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    for (const table of JOURNAL) {
      await queryRunner.query(`
        CREATE TRIGGER "TRG_${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION ledger_journal_append_only()`);
      await queryRunner.query(`
        CREATE TRIGGER "TRG_${table}_no_truncate" BEFORE TRUNCATE ON "${table}"
        FOR EACH STATEMENT EXECUTE FUNCTION ledger_journal_append_only()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of JOURNAL) {
      await queryRunner.query(`DROP TRIGGER "TRG_${table}_no_truncate" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER "TRG_${table}_append_only" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION ledger_journal_append_only()`);
  }
}
