import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A paused notice's remaining time in milliseconds outgrows integer past ~24.8 days of notice. Altered in
 * place (TypeORM would drop and re-add the column, losing the paused notices' time).
 */
export class WidenNoticeRemaining1796050000000 implements MigrationInterface {
  name = 'WidenNoticeRemaining1796050000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registrations" ALTER COLUMN "notice_remaining_ms" TYPE bigint`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registrations" ALTER COLUMN "notice_remaining_ms" TYPE integer`);
  }
}
