import { MigrationInterface, QueryRunner } from 'typeorm';

export class TrackOutboxDispatch1795973154842 implements MigrationInterface {
  name = 'TrackOutboxDispatch1795973154842';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "outbox_events"
            ADD "dispatched_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_outbox_events_undispatched" ON "outbox_events" ("id")
            WHERE "dispatched_at" IS NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_outbox_events_undispatched"
        `);
    await queryRunner.query(`
            ALTER TABLE "outbox_events" DROP COLUMN "dispatched_at"
        `);
  }
}
