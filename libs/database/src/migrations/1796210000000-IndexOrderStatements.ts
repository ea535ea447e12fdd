import { MigrationInterface, QueryRunner } from 'typeorm';

export class IndexOrderStatements1796210000000 implements MigrationInterface {
  name = 'IndexOrderStatements1796210000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "IDX_orders_vendor_id_settled_at" ON "orders" ("vendor_id", "settled_at")
            WHERE "status" IN ('settled', 'refunded')
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_orders_vendor_id_settled_at"
        `);
  }
}
