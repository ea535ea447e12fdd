import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateLedger1796000000000 implements MigrationInterface {
  name = 'CreateLedger1796000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "ledger_transfers" (
                "id" uuid NOT NULL,
                "debit_account_id" character varying(64) NOT NULL,
                "credit_account_id" character varying(64) NOT NULL,
                "amount_fen" bigint NOT NULL,
                "kind" character varying(32) NOT NULL,
                "order_id" uuid,
                "reference" character varying(255),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_ledger_transfers_accounts" CHECK ("debit_account_id" <> "credit_account_id"),
                CONSTRAINT "CHK_ledger_transfers_amount" CHECK ("amount_fen" > 0),
                CONSTRAINT "PK_0ff1f1a56cb76536e5ef5ad5809" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_ledger_transfers_created_at" ON "ledger_transfers" ("created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_ledger_transfers_order_id" ON "ledger_transfers" ("order_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "ledger_entries" (
                "id" BIGSERIAL NOT NULL,
                "transfer_id" uuid NOT NULL,
                "account_id" character varying(64) NOT NULL,
                "shard" smallint NOT NULL,
                "amount_fen" bigint NOT NULL,
                "balance_after_fen" bigint NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6efcb84411d3f08b08450ae75d5" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_ledger_entries_transfer_id" ON "ledger_entries" ("transfer_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_ledger_entries_account_id_id" ON "ledger_entries" ("account_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "ledger_accounts" (
                "id" character varying(64) NOT NULL,
                "subject_id" uuid,
                "shards" smallint NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_62b34396dda564757cf123fff0e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "ledger_balances" (
                "account_id" character varying(64) NOT NULL,
                "shard" smallint NOT NULL,
                "balance_fen" bigint NOT NULL DEFAULT '0',
                "non_negative" boolean NOT NULL,
                CONSTRAINT "CHK_ledger_balances_non_negative" CHECK (
                    NOT "non_negative"
                    OR "balance_fen" >= 0
                ),
                CONSTRAINT "PK_6cb7dc5ec1f1fce664ca36e9a9a" PRIMARY KEY ("account_id", "shard")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "ledger_entries"
            ADD CONSTRAINT "FK_ledger_entries_transfer_id" FOREIGN KEY ("transfer_id") REFERENCES "ledger_transfers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "ledger_balances"
            ADD CONSTRAINT "FK_ledger_balances_account_id" FOREIGN KEY ("account_id") REFERENCES "ledger_accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // Hand-written: the system accounts and their balance shards (SHARDS in libs/ledger/src/accounts.ts).
    // Only the bank may go below zero.
    await queryRunner.query(`
            INSERT INTO "ledger_accounts" ("id", "subject_id", "shards")
            VALUES ('escrow', NULL, 16), ('platform_fee', NULL, 16), ('public_data_authority', NULL, 16), ('bank', NULL, 16)
        `);
    await queryRunner.query(`
            INSERT INTO "ledger_balances" ("account_id", "shard", "balance_fen", "non_negative")
            SELECT a.id, s, 0, a.id <> 'bank' FROM "ledger_accounts" a, generate_series(0, a.shards - 1) AS s
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "ledger_balances" DROP CONSTRAINT "FK_ledger_balances_account_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "ledger_entries" DROP CONSTRAINT "FK_ledger_entries_transfer_id"
        `);
    await queryRunner.query(`
            DROP TABLE "ledger_balances"
        `);
    await queryRunner.query(`
            DROP TABLE "ledger_accounts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ledger_entries_account_id_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ledger_entries_transfer_id"
        `);
    await queryRunner.query(`
            DROP TABLE "ledger_entries"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ledger_transfers_order_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ledger_transfers_created_at"
        `);
    await queryRunner.query(`
            DROP TABLE "ledger_transfers"
        `);
  }
}
