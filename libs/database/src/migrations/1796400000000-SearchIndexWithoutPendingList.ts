import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalog's gram index without GIN's pending list. With `fastupdate` on, new rows' ~70 grams each wait
 * in an unsorted list that every search scans linearly until a vacuum merges it: 2,000 freshly listed
 * products made each text search ~2.5 ms instead of ~0.1 ms (docs/decisions/002-chinese-search.md). The
 * catalog is read far more than written, so rows go straight into the index instead.
 */
export class SearchIndexWithoutPendingList1796400000000 implements MigrationInterface {
  name = 'SearchIndexWithoutPendingList1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER INDEX "IDX_products_search_grams" SET (fastupdate = off)`);
    // What is pending now is merged once; from here on nothing is left pending.
    await queryRunner.query(`SELECT gin_clean_pending_list('"IDX_products_search_grams"'::regclass)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER INDEX "IDX_products_search_grams" RESET (fastupdate)`);
  }
}
