-- Plain-SQL copy of the ledger tables of libs/database/src/migrations/1796000000000-CreateLedger.ts
-- (same columns, CHECKs, primary keys, indexes and foreign keys), recreated empty for each scenario.
SET client_min_messages = warning;
DROP TABLE IF EXISTS bench_seed, ledger_entries, ledger_transfers, ledger_balances, ledger_accounts;

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
);
CREATE INDEX "IDX_ledger_transfers_created_at" ON "ledger_transfers" ("created_at");
CREATE INDEX "IDX_ledger_transfers_order_id" ON "ledger_transfers" ("order_id");

CREATE TABLE "ledger_entries" (
    "id" BIGSERIAL NOT NULL,
    "transfer_id" uuid NOT NULL,
    "account_id" character varying(64) NOT NULL,
    "shard" smallint NOT NULL,
    "amount_fen" bigint NOT NULL,
    "balance_after_fen" bigint NOT NULL,
    "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT "PK_6efcb84411d3f08b08450ae75d5" PRIMARY KEY ("id")
);
CREATE INDEX "IDX_ledger_entries_transfer_id" ON "ledger_entries" ("transfer_id");
CREATE INDEX "IDX_ledger_entries_account_id_id" ON "ledger_entries" ("account_id", "id");

CREATE TABLE "ledger_accounts" (
    "id" character varying(64) NOT NULL,
    "subject_id" uuid,
    "shards" smallint NOT NULL,
    "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT "PK_62b34396dda564757cf123fff0e" PRIMARY KEY ("id")
);

CREATE TABLE "ledger_balances" (
    "account_id" character varying(64) NOT NULL,
    "shard" smallint NOT NULL,
    "balance_fen" bigint NOT NULL DEFAULT '0',
    "non_negative" boolean NOT NULL,
    CONSTRAINT "CHK_ledger_balances_non_negative" CHECK (NOT "non_negative" OR "balance_fen" >= 0),
    CONSTRAINT "PK_6cb7dc5ec1f1fce664ca36e9a9a" PRIMARY KEY ("account_id", "shard")
);

ALTER TABLE "ledger_entries" ADD CONSTRAINT "FK_ledger_entries_transfer_id"
    FOREIGN KEY ("transfer_id") REFERENCES "ledger_transfers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION;
ALTER TABLE "ledger_balances" ADD CONSTRAINT "FK_ledger_balances_account_id"
    FOREIGN KEY ("account_id") REFERENCES "ledger_accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION;
