import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDisputes1796200000000 implements MigrationInterface {
  name = 'CreateDisputes1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "disputes" (
                "id" uuid NOT NULL,
                "order_id" uuid NOT NULL,
                "reason" character varying(1000) NOT NULL,
                "status" character varying(16) NOT NULL,
                "refund_fen" bigint,
                "note" character varying(2000),
                "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "resolved_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_disputes_resolved" CHECK (
                    (
                        "status" = 'open'
                        AND "resolved_at" IS NULL
                        AND "refund_fen" IS NULL
                    )
                    OR (
                        "status" = 'resolved'
                        AND "resolved_at" IS NOT NULL
                        AND "refund_fen" IS NOT NULL
                    )
                ),
                CONSTRAINT "CHK_disputes_refund_fen" CHECK (
                    "refund_fen" IS NULL
                    OR "refund_fen" >= 0
                ),
                CONSTRAINT "CHK_disputes_status" CHECK ("status" IN ('open', 'resolved')),
                CONSTRAINT "PK_3c97580d01c1a4b0b345c42a107" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_disputes_opened_at_id" ON "disputes" ("opened_at", "id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_disputes_order_id" ON "disputes" ("order_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "disputes"
            ADD CONSTRAINT "FK_disputes_order_id" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "disputes" DROP CONSTRAINT "FK_disputes_order_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_disputes_order_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_disputes_opened_at_id"
        `);
    await queryRunner.query(`
            DROP TABLE "disputes"
        `);
  }
}
