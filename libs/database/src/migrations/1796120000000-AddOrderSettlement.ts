import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddOrderSettlement1796120000000 implements MigrationInterface {
  name = 'AddOrderSettlement1796120000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "orders"
            ADD "platform_fee_bps" smallint NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            ALTER TABLE "orders"
            ADD "authority_share_bps" smallint NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            ALTER TABLE "orders"
            ADD "settle_due_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "orders"
            ADD "confirmed_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_orders_settle_due_at" ON "orders" ("settle_due_at")
            WHERE "status" IN ('delivered', 'disputed')
        `);
    // Hand-written backfill for orders made before settlement existed: the rates they were priced
    // with (the default fee; the authority's share of their authorization) and, for delivered ones,
    // the end of the default 7-day dispute window.
    await queryRunner.query(`
            UPDATE "orders" o SET
                "platform_fee_bps" = 300,
                "authority_share_bps" = COALESCE(
                    (SELECT a."authority_share_bps" FROM "public_data_authorizations" a WHERE a."id" = o."public_data_authorization_id"), 0),
                "settle_due_at" = CASE WHEN o."status" = 'delivered' THEN o."delivered_at" + interval '7 days' END
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_orders_settle_due_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "orders" DROP COLUMN "confirmed_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "orders" DROP COLUMN "settle_due_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "orders" DROP COLUMN "authority_share_bps"
        `);
    await queryRunner.query(`
            ALTER TABLE "orders" DROP COLUMN "platform_fee_bps"
        `);
  }
}
