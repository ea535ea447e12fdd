import { Env } from '@hst/common';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';

/** argon2id with the configured cost. */
@Injectable()
export class PasswordHasher {
  private readonly options: argon2.Options & { raw?: false };
  private decoy?: Promise<string>;

  constructor(config: ConfigService<Env, true>) {
    this.options = {
      type: argon2.argon2id,
      memoryCost: config.get('ARGON2_MEMORY_KIB', { infer: true }),
      timeCost: config.get('ARGON2_TIME_COST', { infer: true }),
      parallelism: 1,
    };
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, this.options);
  }

  /** Verifies against the stored hash, or against a decoy when there is none, so both take as long. */
  async verify(storedHash: string | undefined, password: string): Promise<boolean> {
    if (storedHash === undefined) {
      this.decoy ??= this.hash(randomBytes(16).toString('hex'));
      await argon2.verify(await this.decoy, password);
      return false;
    }
    return argon2.verify(storedHash, password);
  }
}
