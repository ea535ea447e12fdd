import { Env } from '@hst/common';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SubjectEntity } from '../entities/subject.entity';
import { UserEntity } from '../entities/user.entity';
import { usccCheckChar } from '../uscc';
import { SubjectsService } from './subjects.service';

const PLATFORM_USCC_BASE = '91420100MA4HX0000';
/** The platform subject's own code: a well-formed USCC reserved for 汉数通 itself. */
export const PLATFORM_USCC = PLATFORM_USCC_BASE + usccCheckChar(PLATFORM_USCC_BASE);
export const PLATFORM_NAME = '汉数通数据交易平台';
/** Arbitrary constant: the advisory lock that lets API and worker bootstrap at the same time. */
const BOOTSTRAP_LOCK_KEY = 7_310_003;

/**
 * Creates the platform subject and its admin user at start-up if they are missing. Idempotent: an
 * existing admin (even with a changed password) is left exactly as it is.
 */
@Injectable()
export class PlatformBootstrap {
  private readonly logger = new Logger(PlatformBootstrap.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly subjects: SubjectsService,
    private readonly config: ConfigService<Env, true>,
  ) {}

  async ensurePlatformAdmin(): Promise<void> {
    const email = this.config.get('BOOTSTRAP_ADMIN_EMAIL', { infer: true }).toLowerCase();
    const password = this.config.get('BOOTSTRAP_ADMIN_PASSWORD', { infer: true });
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK_KEY]);
      if (await manager.existsBy(UserEntity, { email })) return;
      const platform = await manager.findOneBy(SubjectEntity, { isPlatform: true });
      if (platform) {
        throw new Error(
          `BOOTSTRAP_ADMIN_EMAIL: ${email} is not a user; the platform subject exists with other admins. ` +
            'Create further admins through the API instead of changing the bootstrap email.',
        );
      }
      await this.subjects.insertSubjectWithUser(
        null,
        {
          subject: { name: PLATFORM_NAME, uscc: PLATFORM_USCC, kind: 'institution', roles: ['admin'] },
          user: { email, password, displayName: 'Platform administrator' },
          status: 'active',
          isPlatform: true,
        },
        manager,
      );
      this.logger.log(`bootstrap: created the platform subject and admin ${email}`);
    });
  }
}
