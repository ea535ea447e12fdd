import { MigrationInterface, QueryRunner } from 'typeorm';

/** License applications and licenses (授权许可). Generated. */
export class CreateLicensing1796100000000 implements MigrationInterface {
  name = 'CreateLicensing1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "license_applications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "product_id" uuid NOT NULL,
                "buyer_id" uuid NOT NULL,
                "vendor_id" uuid NOT NULL,
                "purpose" character varying(200) NOT NULL,
                "purpose_detail" text NOT NULL,
                "term_days" integer NOT NULL,
                "calls" integer,
                "amount_fen" bigint NOT NULL,
                "status" character varying(16) NOT NULL,
                "order_id" uuid,
                "reject_reason" text,
                "policy" jsonb,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_license_applications_approved" CHECK (
                    "status" <> 'approved'
                    OR (
                        "order_id" IS NOT NULL
                        AND "policy" IS NOT NULL
                    )
                ),
                CONSTRAINT "CHK_license_applications_calls" CHECK (
                    "calls" IS NULL
                    OR "calls" > 0
                ),
                CONSTRAINT "CHK_license_applications_term_days" CHECK ("term_days" > 0),
                CONSTRAINT "CHK_license_applications_amount_fen" CHECK (
                    "amount_fen" > 0
                    AND "amount_fen" <= 10000000000000
                ),
                CONSTRAINT "CHK_license_applications_status" CHECK (
                    "status" IN ('pending', 'approved', 'rejected', 'withdrawn')
                ),
                CONSTRAINT "PK_ebc473aada5d7114bb9918fb4d9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_license_applications_created_at_id" ON "license_applications" ("created_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_license_applications_product_id" ON "license_applications" ("product_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_license_applications_vendor_id_created_at" ON "license_applications" ("vendor_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_license_applications_buyer_id_created_at" ON "license_applications" ("buyer_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "licenses" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "application_id" uuid NOT NULL,
                "order_id" uuid NOT NULL,
                "product_id" uuid NOT NULL,
                "buyer_id" uuid NOT NULL,
                "vendor_id" uuid NOT NULL,
                "purpose" character varying(200) NOT NULL,
                "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL,
                "valid_until" TIMESTAMP WITH TIME ZONE NOT NULL,
                "call_quota" integer,
                "calls_used" integer NOT NULL DEFAULT '0',
                "status" character varying(16) NOT NULL,
                "status_reason" text,
                "policy" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_licenses_calls" CHECK (
                    "calls_used" >= 0
                    AND (
                        "call_quota" IS NULL
                        OR "call_quota" > 0
                    )
                ),
                CONSTRAINT "CHK_licenses_period" CHECK ("valid_until" > "valid_from"),
                CONSTRAINT "CHK_licenses_status" CHECK ("status" IN ('active', 'suspended', 'revoked')),
                CONSTRAINT "PK_da5021501ce80efa03de6f40086" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_licenses_created_at_id" ON "licenses" ("created_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_licenses_product_id" ON "licenses" ("product_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_licenses_vendor_id_created_at" ON "licenses" ("vendor_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_licenses_buyer_id_created_at" ON "licenses" ("buyer_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_licenses_order_id" ON "licenses" ("order_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_licenses_application_id" ON "licenses" ("application_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "license_applications"
            ADD CONSTRAINT "FK_license_applications_product_id" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "license_applications"
            ADD CONSTRAINT "FK_license_applications_buyer_id" FOREIGN KEY ("buyer_id") REFERENCES "subjects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "license_applications"
            ADD CONSTRAINT "FK_license_applications_vendor_id" FOREIGN KEY ("vendor_id") REFERENCES "subjects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "licenses"
            ADD CONSTRAINT "FK_licenses_application_id" FOREIGN KEY ("application_id") REFERENCES "license_applications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "licenses"
            ADD CONSTRAINT "FK_licenses_product_id" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "licenses"
            ADD CONSTRAINT "FK_licenses_buyer_id" FOREIGN KEY ("buyer_id") REFERENCES "subjects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "licenses"
            ADD CONSTRAINT "FK_licenses_vendor_id" FOREIGN KEY ("vendor_id") REFERENCES "subjects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "licenses" DROP CONSTRAINT "FK_licenses_vendor_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "licenses" DROP CONSTRAINT "FK_licenses_buyer_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "licenses" DROP CONSTRAINT "FK_licenses_product_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "licenses" DROP CONSTRAINT "FK_licenses_application_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "license_applications" DROP CONSTRAINT "FK_license_applications_vendor_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "license_applications" DROP CONSTRAINT "FK_license_applications_buyer_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "license_applications" DROP CONSTRAINT "FK_license_applications_product_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_licenses_application_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_licenses_order_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_licenses_buyer_id_created_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_licenses_vendor_id_created_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_licenses_product_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_licenses_created_at_id"
        `);
    await queryRunner.query(`
            DROP TABLE "licenses"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_license_applications_buyer_id_created_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_license_applications_vendor_id_created_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_license_applications_product_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_license_applications_created_at_id"
        `);
    await queryRunner.query(`
            DROP TABLE "license_applications"
        `);
  }
}
