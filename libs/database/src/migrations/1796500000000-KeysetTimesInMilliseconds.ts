import { MigrationInterface, QueryRunner } from 'typeorm';

/** The time columns lists are paged by, hydrated as JS Dates: stored with microseconds, before. */
const COLUMNS: [table: string, column: string][] = [
  ['alerts', 'created_at'],
  ['subjects', 'created_at'],
  ['withdrawals', 'created_at'],
  ['registrations', 'created_at'],
  ['public_data_authorizations', 'created_at'],
  ['license_applications', 'created_at'],
  ['licenses', 'created_at'],
  ['orders', 'created_at'],
  ['disputes', 'opened_at'],
  ['ledger_transfers', 'created_at'],
];

/**
 * List cursors carry a row's time to the millisecond, as the API shows it; with microseconds in the column,
 * rows created within the same millisecond as a page's last row fell between the cursor and that row and the
 * next page skipped them. These columns now round to milliseconds (KEYSET_TIME_PRECISION), whoever writes
 * them; PostgreSQL rebuilds their indexes as they were.
 */
export class KeysetTimesInMilliseconds1796500000000 implements MigrationInterface {
  name = 'KeysetTimesInMilliseconds1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of COLUMNS) {
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE TIMESTAMP(3) WITH TIME ZONE`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of COLUMNS) {
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE TIMESTAMP WITH TIME ZONE`);
    }
  }
}
