import { canonicalJson } from '@hst/common';
import { createHash } from 'node:crypto';
import type { DataRight, SourceType } from '@hst/registry';
import { RegistrationService } from '@hst/registry';
import { DataSource } from 'typeorm';
import type { TestApi } from './app';
import type { TestSubject } from './factories';

export function registrationRequest(
  options: {
    records?: object[];
    category?: string;
    sourceType?: SourceType;
    rights?: DataRight[];
    assetName?: string;
  } = {},
) {
  const records = options.records ?? [{ vehicle: 'E-001', speed: '42' }];
  return {
    assetName: options.assetName ?? '智能网联汽车轨迹数据',
    description: '武汉经开区智能网联测试车辆的脱敏轨迹',
    category: options.category ?? '交通出行',
    sourceType: options.sourceType ?? 'enterprise',
    acquisition: 'self_collected',
    sourceStatement: '由本公司测试车队自行采集',
    rightsClaimed: options.rights ?? ['holding', 'processing', 'operation'],
    // The contract's definition, written out here on purpose: the catalog's datasetDigest must agree with it.
    contentDigest: createHash('sha256').update(canonicalJson(records)).digest('hex'),
    recordCount: records.length,
    fieldSchema: [
      { name: 'vehicle', type: 'string', description: '车辆编号' },
      { name: 'speed', type: 'string', description: '速度 km/h' },
    ],
    sensitivity: 'general',
  };
}

/**
 * Moves a registration's notice end to the past (test clock control) and ends it as the worker does.
 * The registry e2e spec runs the real notice timer through the worker.
 */
export async function endNoticeNow(api: TestApi, registrationId: string): Promise<void> {
  await api.app
    .get(DataSource)
    .query(`UPDATE registrations SET notice_ends_at = now() - interval '1 second' WHERE id = $1`, [registrationId]);
  await api.app.get(RegistrationService).endNotice(registrationId);
}

/** Registers `records` for `holder`, runs the notice to its end, and returns the issued certificate. */
export async function issueCertificate(
  api: TestApi,
  admin: string,
  holder: TestSubject,
  options: { records: object[]; category?: string; sourceType?: SourceType; rights?: DataRight[] },
): Promise<{ certNo: string; registrationId: string }> {
  const created = await api
    .http()
    .post('/api/v1/registrations')
    .auth(holder.token, { type: 'bearer' })
    .send(registrationRequest(options))
    .expect(201);
  const registrationId = (created.body as { id: string }).id;
  await api
    .http()
    .post(`/api/v1/registrations/${registrationId}/start-notice`)
    .auth(admin, { type: 'bearer' })
    .expect(200);
  await endNoticeNow(api, registrationId);
  const done = await api
    .http()
    .get(`/api/v1/registrations/${registrationId}`)
    .auth(holder.token, { type: 'bearer' })
    .expect(200);
  const certNo = (done.body as { certNo: string | null }).certNo;
  if (!certNo) throw new Error(`registration ${registrationId} ended without a certificate`);
  return { certNo, registrationId };
}

/** An active public-data authorization of `operatorId` over `domains`, valid from an hour ago for a year. */
export async function grantPublicDataAuthorization(
  api: TestApi,
  admin: string,
  operatorId: string,
  domains: string[],
): Promise<{ id: string }> {
  const res = await api
    .http()
    .post('/api/v1/public-data-authorizations')
    .auth(admin, { type: 'bearer' })
    .send({
      operatorId,
      domains,
      scope: '公共交通运行数据的开发利用',
      validFrom: new Date(Date.now() - 3_600_000).toISOString(),
      validUntil: new Date(Date.now() + 365 * 86_400_000).toISOString(),
      authorityShareBps: 1000,
    })
    .expect(201);
  return { id: (res.body as { id: string }).id };
}
