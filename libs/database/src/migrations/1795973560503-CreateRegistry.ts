import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRegistry1795973560503 implements MigrationInterface {
  name = 'CreateRegistry1795973560503';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "signing_keys" (
                "key_id" character varying(64) NOT NULL,
                "algorithm" character varying(16) NOT NULL DEFAULT 'Ed25519',
                "public_key_pem" text NOT NULL,
                "private_key_pem" text,
                "active" boolean NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e02f744a41c3ffa8340aa850638" PRIMARY KEY ("key_id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_signing_keys_one_active" ON "signing_keys" ("active")
            WHERE "active"
        `);
    await queryRunner.query(`
            CREATE TABLE "registrations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "applicant_id" uuid NOT NULL,
                "asset_name" character varying(200) NOT NULL,
                "description" text NOT NULL,
                "category" character varying(100) NOT NULL,
                "source_type" character varying(32) NOT NULL,
                "acquisition" character varying(32) NOT NULL,
                "source_statement" text NOT NULL,
                "rights_claimed" text array NOT NULL,
                "content_digest" character(64) NOT NULL,
                "record_count" bigint NOT NULL,
                "field_schema" jsonb NOT NULL,
                "sensitivity" character varying(16) NOT NULL,
                "status" character varying(16) NOT NULL,
                "notice_ends_at" TIMESTAMP WITH TIME ZONE,
                "notice_remaining_ms" integer,
                "cert_no" character varying(20),
                "reject_reason" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_registrations_content_digest" CHECK ("content_digest" ~ '^[0-9a-f]{64}$'),
                CONSTRAINT "CHK_registrations_record_count" CHECK ("record_count" >= 0),
                CONSTRAINT "CHK_registrations_rights" CHECK (
                    cardinality("rights_claimed") >= 1
                    AND "rights_claimed" <@ ARRAY ['holding', 'processing', 'operation']::text []
                ),
                CONSTRAINT "CHK_registrations_acquisition" CHECK (
                    "acquisition" IN (
                        'self_collected',
                        'self_produced',
                        'purchased',
                        'authorized'
                    )
                ),
                CONSTRAINT "CHK_registrations_source_type" CHECK (
                    "source_type" IN (
                        'enterprise',
                        'public',
                        'personal_deidentified',
                        'third_party'
                    )
                ),
                CONSTRAINT "CHK_registrations_sensitivity" CHECK ("sensitivity" IN ('general', 'important')),
                CONSTRAINT "CHK_registrations_status" CHECK (
                    "status" IN (
                        'submitted',
                        'in_notice',
                        'objected',
                        'registered',
                        'rejected'
                    )
                ),
                CONSTRAINT "PK_6013e724d7b22929da9cd7282d1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_registrations_notice_due" ON "registrations" ("notice_ends_at")
            WHERE "status" = 'in_notice'
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_registrations_status" ON "registrations" ("status")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_registrations_applicant_id" ON "registrations" ("applicant_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "public_data_authorizations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "operator_id" uuid NOT NULL,
                "domains" text array NOT NULL,
                "scope" text NOT NULL,
                "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL,
                "valid_until" TIMESTAMP WITH TIME ZONE NOT NULL,
                "authority_share_bps" integer NOT NULL,
                "status" character varying(16) NOT NULL,
                "revoke_reason" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_public_data_authorizations_domains" CHECK (cardinality("domains") >= 1),
                CONSTRAINT "CHK_public_data_authorizations_period" CHECK ("valid_until" > "valid_from"),
                CONSTRAINT "CHK_public_data_authorizations_share" CHECK (
                    "authority_share_bps" BETWEEN 0 AND 10000
                ),
                CONSTRAINT "CHK_public_data_authorizations_status" CHECK ("status" IN ('active', 'revoked')),
                CONSTRAINT "PK_0c13a9d723fdc1f5c81bbc0d3b1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_public_data_authorizations_operator_id" ON "public_data_authorizations" ("operator_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "certificates" (
                "cert_no" character varying(20) NOT NULL,
                "registration_id" uuid NOT NULL,
                "holder_id" uuid NOT NULL,
                "holder_name" character varying(200) NOT NULL,
                "holder_uscc" character(18) NOT NULL,
                "asset_name" character varying(200) NOT NULL,
                "rights" text array NOT NULL,
                "content_digest" character(64) NOT NULL,
                "category" character varying(100) NOT NULL,
                "source_type" character varying(32) NOT NULL,
                "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "valid_until" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status" character varying(16) NOT NULL,
                "key_id" character varying(64) NOT NULL,
                "signature" text NOT NULL,
                "successor_cert_no" character varying(20),
                "predecessor_cert_no" character varying(20),
                "status_reason" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_certificates_status" CHECK ("status" IN ('valid', 'revoked', 'transferred')),
                CONSTRAINT "PK_618a79549dc7103758642126c4a" PRIMARY KEY ("cert_no")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_certificates_one_valid_per_registration" ON "certificates" ("registration_id")
            WHERE "status" = 'valid'
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_certificates_holder_id" ON "certificates" ("holder_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "registration_objections" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "registration_id" uuid NOT NULL,
                "objector_id" uuid NOT NULL,
                "reason" text NOT NULL,
                "status" character varying(16) NOT NULL,
                "note" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "resolved_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_registration_objections_status" CHECK ("status" IN ('open', 'upheld', 'dismissed')),
                CONSTRAINT "PK_ea6a567d5d2bc3d14d2399e1299" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_registration_objections_one_open" ON "registration_objections" ("registration_id")
            WHERE "status" = 'open'
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_registration_objections_registration_id" ON "registration_objections" ("registration_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "certificate_counters" (
                "year" integer NOT NULL,
                "last_value" integer NOT NULL,
                CONSTRAINT "PK_ec69457dd807da681663df7052f" PRIMARY KEY ("year")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "registrations"
            ADD CONSTRAINT "FK_registrations_applicant_id" FOREIGN KEY ("applicant_id") REFERENCES "subjects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "public_data_authorizations"
            ADD CONSTRAINT "FK_public_data_authorizations_operator_id" FOREIGN KEY ("operator_id") REFERENCES "subjects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "FK_certificates_registration_id" FOREIGN KEY ("registration_id") REFERENCES "registrations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "FK_certificates_holder_id" FOREIGN KEY ("holder_id") REFERENCES "subjects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "registration_objections"
            ADD CONSTRAINT "FK_registration_objections_registration_id" FOREIGN KEY ("registration_id") REFERENCES "registrations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "registration_objections"
            ADD CONSTRAINT "FK_registration_objections_objector_id" FOREIGN KEY ("objector_id") REFERENCES "subjects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "registration_objections" DROP CONSTRAINT "FK_registration_objections_objector_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "registration_objections" DROP CONSTRAINT "FK_registration_objections_registration_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "FK_certificates_holder_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "FK_certificates_registration_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "public_data_authorizations" DROP CONSTRAINT "FK_public_data_authorizations_operator_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "registrations" DROP CONSTRAINT "FK_registrations_applicant_id"
        `);
    await queryRunner.query(`
            DROP TABLE "certificate_counters"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_registration_objections_registration_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_registration_objections_one_open"
        `);
    await queryRunner.query(`
            DROP TABLE "registration_objections"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_certificates_holder_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_certificates_one_valid_per_registration"
        `);
    await queryRunner.query(`
            DROP TABLE "certificates"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_public_data_authorizations_operator_id"
        `);
    await queryRunner.query(`
            DROP TABLE "public_data_authorizations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_registrations_applicant_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_registrations_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_registrations_notice_due"
        `);
    await queryRunner.query(`
            DROP TABLE "registrations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_signing_keys_one_active"
        `);
    await queryRunner.query(`
            DROP TABLE "signing_keys"
        `);
  }
}
