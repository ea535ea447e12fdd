import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWithdrawals1796220000000 implements MigrationInterface {
  name = 'CreateWithdrawals1796220000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "withdrawals" (
                "id" uuid NOT NULL,
                "subject_id" uuid NOT NULL,
                "amount_fen" bigint NOT NULL,
                "status" character varying(16) NOT NULL,
                "hold_transfer_id" uuid NOT NULL,
                "completion_transfer_id" uuid,
                "outcome_detail" character varying(255),
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_withdrawals_completed" CHECK (("status" = 'held') = ("completed_at" IS NULL)),
                CONSTRAINT "CHK_withdrawals_amount_fen" CHECK (
                    "amount_fen" > 0
                    AND "amount_fen" <= 10000000000000
                ),
                CONSTRAINT "CHK_withdrawals_status" CHECK ("status" IN ('held', 'paid', 'failed')),
                CONSTRAINT "PK_9871ec481baa7755f8bd8b7c7e9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_withdrawals_held_created_at" ON "withdrawals" ("created_at")
            WHERE "status" = 'held'
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_withdrawals_subject_id_created_at_id" ON "withdrawals" ("subject_id", "created_at", "id")
        `);
    await queryRunner.query(`
            ALTER TABLE "withdrawals"
            ADD CONSTRAINT "FK_withdrawals_subject_id" FOREIGN KEY ("subject_id") REFERENCES "subjects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // Hand-written: the withdrawal_hold system account and its 16 balance shards (SHARDS in
    // libs/ledger/src/accounts.ts); it never goes below zero.
    await queryRunner.query(`
            INSERT INTO "ledger_accounts" ("id", "subject_id", "shards") VALUES ('withdrawal_hold', NULL, 16)
        `);
    await queryRunner.query(`
            INSERT INTO "ledger_balances" ("account_id", "shard", "balance_fen", "non_negative")
            SELECT 'withdrawal_hold', s, 0, true FROM generate_series(0, 15) AS s
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // A ledger is not rewritten: once the hold account has entries, this migration is not reverted.
    const [{ n }] = (await queryRunner.query(
      `SELECT count(*)::int AS n FROM "ledger_entries" WHERE "account_id" = 'withdrawal_hold'`,
    )) as { n: number }[];
    if (n > 0) throw new Error('withdrawal_hold has ledger entries: it cannot be removed');
    await queryRunner.query(`
            DELETE FROM "ledger_balances" WHERE "account_id" = 'withdrawal_hold'
        `);
    await queryRunner.query(`
            DELETE FROM "ledger_accounts" WHERE "id" = 'withdrawal_hold'
        `);
    await queryRunner.query(`
            ALTER TABLE "withdrawals" DROP CONSTRAINT "FK_withdrawals_subject_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_withdrawals_subject_id_created_at_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_withdrawals_held_created_at"
        `);
    await queryRunner.query(`
            DROP TABLE "withdrawals"
        `);
  }
}
