import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCatalog1795990000000 implements MigrationInterface {
  name = 'CreateCatalog1795990000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "products" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "vendor_id" uuid NOT NULL,
                "title" character varying(200) NOT NULL,
                "summary" character varying(500) NOT NULL,
                "description" text NOT NULL,
                "category" character varying(100) NOT NULL,
                "tags" text array NOT NULL,
                "source_type" character varying(32) NOT NULL,
                "delivery_mode" character varying(16) NOT NULL,
                "update_frequency" character varying(16) NOT NULL,
                "pricing_model" character varying(16) NOT NULL,
                "price_fen" bigint NOT NULL,
                "cert_no" character varying(32) NOT NULL,
                "policy" jsonb NOT NULL,
                "status" character varying(16) NOT NULL,
                "status_reason" text,
                "listed_at" TIMESTAMP WITH TIME ZONE,
                "search_text" text NOT NULL DEFAULT '',
                "search_grams" text array NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_products_listed_at" CHECK (
                    "status" <> 'listed'
                    OR "listed_at" IS NOT NULL
                ),
                CONSTRAINT "CHK_products_pricing_model" CHECK (
                    "pricing_model" IN ('one_time', 'subscription', 'per_call')
                ),
                CONSTRAINT "CHK_products_update_frequency" CHECK (
                    "update_frequency" IN (
                        'realtime',
                        'daily',
                        'weekly',
                        'monthly',
                        'static'
                    )
                ),
                CONSTRAINT "CHK_products_delivery_mode" CHECK ("delivery_mode" IN ('api', 'file', 'sandbox')),
                CONSTRAINT "CHK_products_source_type" CHECK (
                    "source_type" IN (
                        'enterprise',
                        'public',
                        'personal_deidentified',
                        'third_party'
                    )
                ),
                CONSTRAINT "CHK_products_price_fen" CHECK (
                    "price_fen" > 0
                    AND "price_fen" <= 10000000000000
                ),
                CONSTRAINT "CHK_products_status" CHECK (
                    "status" IN (
                        'draft',
                        'pending_review',
                        'listed',
                        'rejected',
                        'delisted',
                        'suspended'
                    )
                ),
                CONSTRAINT "PK_0806c755e0aca124e67c0cf6d7d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_products_price_fen_id" ON "products" ("price_fen", "id")
            WHERE "status" = 'listed'
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_products_listed_at_id" ON "products" ("listed_at", "id")
            WHERE "status" = 'listed'
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_products_cert_no" ON "products" ("cert_no")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_products_vendor_id_created_at" ON "products" ("vendor_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "product_datasets" (
                "product_id" uuid NOT NULL,
                "records" jsonb NOT NULL,
                "record_count" integer NOT NULL,
                "content_digest" character(64) NOT NULL,
                "byte_size" integer NOT NULL,
                "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "CHK_product_datasets_record_count" CHECK ("record_count" >= 1),
                CONSTRAINT "PK_06e749807b5eeaf56fa4ac2d6c8" PRIMARY KEY ("product_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "products"
            ADD CONSTRAINT "FK_products_vendor_id" FOREIGN KEY ("vendor_id") REFERENCES "subjects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "product_datasets"
            ADD CONSTRAINT "FK_product_datasets_product_id" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    // Hand-written: substring search for CJK and Latin (docs/decisions/002-chinese-search.md).
    // search_text is the normalised title, summary and tags; search_grams its distinct characters and
    // character pairs, so that even a 2-character Chinese query can be answered from a GIN index.
    await queryRunner.query(`
            CREATE FUNCTION "catalog_search_text"(title text, summary text, tags text[]) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                SELECT lower(normalize(title || E'\\n' || summary || E'\\n' || array_to_string(tags, E'\\n'), NFKC))
            $$
        `);
    await queryRunner.query(`
            CREATE FUNCTION "catalog_search_grams"(t text) RETURNS text[]
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                SELECT coalesce(array_agg(DISTINCT g ORDER BY g), '{}')
                  FROM (SELECT substr(t, i, 1) AS g FROM generate_series(1, char_length(t)) AS i
                        UNION ALL
                        SELECT substr(t, i, 2) FROM generate_series(1, char_length(t) - 1) AS i) AS grams
                 WHERE g !~ '[[:space:]]'
            $$
        `);
    await queryRunner.query(`
            CREATE FUNCTION "products_search_fields"() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                NEW.search_text := catalog_search_text(NEW.title, NEW.summary, NEW.tags);
                NEW.search_grams := catalog_search_grams(NEW.search_text);
                RETURN NEW;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "TRG_products_search" BEFORE INSERT OR UPDATE OF "title", "summary", "tags" ON "products"
            FOR EACH ROW EXECUTE FUNCTION "products_search_fields"()
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_products_search_grams" ON "products" USING gin ("search_grams")
            WHERE "status" = 'listed'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_products_search_grams"
        `);
    await queryRunner.query(`
            DROP TRIGGER "TRG_products_search" ON "products"
        `);
    await queryRunner.query(`
            DROP FUNCTION "products_search_fields"()
        `);
    await queryRunner.query(`
            DROP FUNCTION "catalog_search_grams"(text)
        `);
    await queryRunner.query(`
            DROP FUNCTION "catalog_search_text"(text, text, text[])
        `);
    await queryRunner.query(`
            ALTER TABLE "product_datasets" DROP CONSTRAINT "FK_product_datasets_product_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "products" DROP CONSTRAINT "FK_products_vendor_id"
        `);
    await queryRunner.query(`
            DROP TABLE "product_datasets"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_products_vendor_id_created_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_products_cert_no"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_products_listed_at_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_products_price_fen_id"
        `);
    await queryRunner.query(`
            DROP TABLE "products"
        `);
  }
}
