import { MigrationInterface, QueryRunner } from 'typeorm';

/** Orders, their daily number counters, and Idempotency-Keys of money-moving requests (交易结算). Generated. */
export class CreateTrading1796110000000 implements MigrationInterface {
  name = 'CreateTrading1796110000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "orders" (
                "id" uuid NOT NULL,
                "order_no" character varying(17) NOT NULL,
                "buyer_id" uuid NOT NULL,
                "vendor_id" uuid NOT NULL,
                "product_id" uuid NOT NULL,
                "license_application_id" uuid NOT NULL,
                "license_id" uuid,
                "dispute_id" uuid,
                "amount_fen" bigint NOT NULL,
                "platform_fee_fen" bigint NOT NULL,
                "authority_share_fen" bigint NOT NULL,
                "refund_fen" bigint NOT NULL DEFAULT '0',
                "public_data_authorization_id" uuid,
                "status" character varying(16) NOT NULL,
                "payment_due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "paid_at" TIMESTAMP WITH TIME ZONE,
                "delivered_at" TIMESTAMP WITH TIME ZONE,
                "settled_at" TIMESTAMP WITH TIME ZONE,
                "cancelled_at" TIMESTAMP WITH TIME ZONE,
                "cancel_reason" character varying(32),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_orders_delivered" CHECK (
                    "status" IN ('pending_payment', 'paid', 'cancelled')
                    OR (
                        "license_id" IS NOT NULL
                        AND "delivered_at" IS NOT NULL
                    )
                ),
                CONSTRAINT "CHK_orders_refund_fen" CHECK (
                    "refund_fen" >= 0
                    AND "refund_fen" <= "amount_fen"
                ),
                CONSTRAINT "CHK_orders_fees" CHECK (
                    "platform_fee_fen" >= 0
                    AND "authority_share_fen" >= 0
                    AND "platform_fee_fen" + "authority_share_fen" <= "amount_fen"
                ),
                CONSTRAINT "CHK_orders_amount_fen" CHECK (
                    "amount_fen" > 0
                    AND "amount_fen" <= 10000000000000
                ),
                CONSTRAINT "CHK_orders_status" CHECK (
                    "status" IN (
                        'pending_payment',
                        'paid',
                        'delivered',
                        'cancelled',
                        'disputed',
                        'settled',
                        'refunded'
                    )
                ),
                CONSTRAINT "PK_710e2d4957aa5878dfe94e4ac2f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_orders_payment_due_at" ON "orders" ("payment_due_at")
            WHERE "status" = 'pending_payment'
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_orders_created_at_id" ON "orders" ("created_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_orders_product_id" ON "orders" ("product_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_orders_vendor_id_created_at" ON "orders" ("vendor_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_orders_buyer_id_created_at" ON "orders" ("buyer_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_orders_license_application_id" ON "orders" ("license_application_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_orders_order_no" ON "orders" ("order_no")
        `);
    await queryRunner.query(`
            CREATE TABLE "order_counters" (
                "day" character varying(8) NOT NULL,
                "last_value" integer NOT NULL,
                CONSTRAINT "CHK_order_counters_last_value" CHECK (
                    "last_value" BETWEEN 1 AND 999999
                ),
                CONSTRAINT "PK_c626c2e32e2c4a226a66bd4224f" PRIMARY KEY ("day")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "idempotency_keys" (
                "subject_id" uuid NOT NULL,
                "key" character varying(255) NOT NULL,
                "fingerprint" character(64) NOT NULL,
                "state" character varying(16) NOT NULL,
                "token" uuid NOT NULL,
                "claimed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "response_status" smallint,
                "response_body" json,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "completed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_idempotency_keys_state" CHECK ("state" IN ('in_flight', 'completed')),
                CONSTRAINT "PK_dd70c1200f54b3dae9877c2a039" PRIMARY KEY ("subject_id", "key")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_idempotency_keys_created_at" ON "idempotency_keys" ("created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "orders"
            ADD CONSTRAINT "FK_orders_buyer_id" FOREIGN KEY ("buyer_id") REFERENCES "subjects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "orders"
            ADD CONSTRAINT "FK_orders_vendor_id" FOREIGN KEY ("vendor_id") REFERENCES "subjects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "orders"
            ADD CONSTRAINT "FK_orders_product_id" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "orders"
            ADD CONSTRAINT "FK_orders_license_application_id" FOREIGN KEY ("license_application_id") REFERENCES "license_applications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "orders"
            ADD CONSTRAINT "FK_orders_license_id" FOREIGN KEY ("license_id") REFERENCES "licenses"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "idempotency_keys"
            ADD CONSTRAINT "FK_idempotency_keys_subject_id" FOREIGN KEY ("subject_id") REFERENCES "subjects"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "idempotency_keys" DROP CONSTRAINT "FK_idempotency_keys_subject_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "orders" DROP CONSTRAINT "FK_orders_license_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "orders" DROP CONSTRAINT "FK_orders_license_application_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "orders" DROP CONSTRAINT "FK_orders_product_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "orders" DROP CONSTRAINT "FK_orders_vendor_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "orders" DROP CONSTRAINT "FK_orders_buyer_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_idempotency_keys_created_at"
        `);
    await queryRunner.query(`
            DROP TABLE "idempotency_keys"
        `);
    await queryRunner.query(`
            DROP TABLE "order_counters"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_orders_order_no"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_orders_license_application_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_orders_buyer_id_created_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_orders_vendor_id_created_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_orders_product_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_orders_created_at_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_orders_payment_due_at"
        `);
    await queryRunner.query(`
            DROP TABLE "orders"
        `);
  }
}
