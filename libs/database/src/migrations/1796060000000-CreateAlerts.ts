import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAlerts1796060000000 implements MigrationInterface {
  name = 'CreateAlerts1796060000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "alerts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "rule" character varying(40) NOT NULL,
                "severity" character varying(16) NOT NULL,
                "subject_id" uuid,
                "entity_type" character varying(50) NOT NULL,
                "entity_id" character varying(100) NOT NULL,
                "details" jsonb NOT NULL,
                "status" character varying(16) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "acknowledged_at" TIMESTAMP WITH TIME ZONE,
                "acknowledged_by" uuid,
                CONSTRAINT "CHK_alerts_severity" CHECK ("severity" IN ('info', 'warning', 'critical')),
                CONSTRAINT "CHK_alerts_status" CHECK ("status" IN ('open', 'acknowledged')),
                CONSTRAINT "PK_60f895662df096bfcdfab7f4b96" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_alerts_created_at" ON "alerts" ("created_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_alerts_open_per_entity" ON "alerts" ("rule", "entity_type", "entity_id")
            WHERE "status" = 'open'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."UQ_alerts_open_per_entity"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_alerts_created_at"
        `);
    await queryRunner.query(`
            DROP TABLE "alerts"
        `);
  }
}
