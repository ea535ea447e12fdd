import { Env } from '@hst/common';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { DataSource } from 'typeorm';
import { keyIdOf } from '../certificate-signature';
import { SigningKeyEntity } from '../entities/signing-key.entity';

/** Arbitrary constant: the advisory lock under which API and worker agree on the active key at start. */
const KEY_LOCK = 7_310_010;

export type ActiveSigningKey = { keyId: string; privateKey: KeyObject };

/**
 * The certificate signing keys. The active key comes from CERTIFICATE_SIGNING_KEY (only its public half
 * is stored) or, when that is unset, is generated once and kept in the database. Configuring a new key
 * rotates: the old one is retired but stays published, so the certificates it signed still verify.
 */
@Injectable()
export class SigningKeys implements OnApplicationBootstrap {
  private readonly logger = new Logger(SigningKeys.name);
  private active?: ActiveSigningKey;
  private readonly publicKeys = new Map<string, KeyObject>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<Env, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.active = await this.ensureActiveKey();
  }

  activeKey(): ActiveSigningKey {
    if (!this.active) throw new Error('SigningKeys used before application bootstrap');
    return this.active;
  }

  async publicKey(keyId: string): Promise<KeyObject | undefined> {
    const cached = this.publicKeys.get(keyId);
    if (cached) return cached;
    const row = await this.dataSource.getRepository(SigningKeyEntity).findOneBy({ keyId });
    if (!row) return undefined;
    const key = createPublicKey(row.publicKeyPem);
    this.publicKeys.set(keyId, key);
    return key;
  }

  async list(): Promise<{ keyId: string; algorithm: 'Ed25519'; publicKeyPem: string }[]> {
    const rows = await this.dataSource.getRepository(SigningKeyEntity).find({ order: { createdAt: 'ASC' } });
    return rows.map((r) => ({ keyId: r.keyId, algorithm: 'Ed25519', publicKeyPem: r.publicKeyPem }));
  }

  private ensureActiveKey(): Promise<ActiveSigningKey> {
    const configured = this.config.get('CERTIFICATE_SIGNING_KEY', { infer: true });
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [KEY_LOCK]);
      const keys = manager.getRepository(SigningKeyEntity);
      const current = await keys.findOneBy({ active: true });
      if (configured) {
        const privateKey = createPrivateKey(configured.replace(/\\n/g, '\n'));
        if (privateKey.asymmetricKeyType !== 'ed25519') {
          throw new Error('CERTIFICATE_SIGNING_KEY: must be an Ed25519 private key in PKCS#8 PEM');
        }
        const keyId = keyIdOf(privateKey);
        if (current?.keyId !== keyId) {
          // Retired keys stay published for verification, but can no longer sign.
          if (current) await keys.update({ keyId: current.keyId }, { active: false, privateKeyPem: null });
          const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
          await keys.upsert({ keyId, publicKeyPem, privateKeyPem: null, active: true }, ['keyId']);
          this.logger.log(`certificate signing key ${keyId} (from configuration) is now active`);
        }
        return { keyId, privateKey };
      }
      if (current?.privateKeyPem) return { keyId: current.keyId, privateKey: createPrivateKey(current.privateKeyPem) };
      if (current) {
        throw new Error(
          `CERTIFICATE_SIGNING_KEY: the active key ${current.keyId} was configured, not generated; set it again`,
        );
      }
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const keyId = keyIdOf(publicKey);
      await keys.insert({
        keyId,
        publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        active: true,
      });
      this.logger.warn(`generated certificate signing key ${keyId}; set CERTIFICATE_SIGNING_KEY in production`);
      return { keyId, privateKey };
    });
  }
}
