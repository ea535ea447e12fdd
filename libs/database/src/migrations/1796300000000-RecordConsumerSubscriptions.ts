import { MigrationInterface, QueryRunner } from 'typeorm';

export class RecordConsumerSubscriptions1796300000000 implements MigrationInterface {
  name = 'RecordConsumerSubscriptions1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "outbox_consumers"
            ADD "event_types" text array NOT NULL DEFAULT '{}'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "outbox_consumers" DROP COLUMN "event_types"
        `);
  }
}
