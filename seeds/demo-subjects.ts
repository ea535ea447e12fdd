import type { Role } from '@hst/common';
import { type SubjectKind, usccCheckChar } from '@hst/subjects';
import type { SeedClient } from './seed-client';

/** Every demo user's password; `npm start` prints it with the emails. */
export const DEMO_PASSWORD = 'demo-password-2027';

export type DemoSubjectKey = 'guanggu' | 'ganghang' | 'opendata' | 'planning' | 'coldchain' | 'regulator';

type DemoSubjectSpec = {
  key: DemoSubjectKey;
  name: string;
  kind: SubjectKind;
  roles: Role[];
  district: string;
  legalRepresentative: string;
  email: string;
  displayName: string;
  /** Created by the platform admin (POST /subjects, active at once) rather than self-registered and approved. */
  platformCreated?: true;
};

export type DemoSubject = DemoSubjectSpec & { subjectId: string; token: string };

/**
 * A deterministic 统一社会信用代码 that passes the GB 32100-2015 check: registration authority (91 enterprise,
 * 11 government body), the Wuhan division code, an organisation code reserved for demo subjects, check character.
 */
function demoUscc(authority: '91' | '11', serial: number): string {
  const first17 = `${authority}420100MA4HXD${String(serial).padStart(3, '0')}`;
  return first17 + usccCheckChar(first17);
}

export const DEMO_SUBJECTS: readonly DemoSubjectSpec[] = [
  {
    key: 'guanggu',
    name: '武汉光谷智能网联科技有限公司',
    kind: 'enterprise',
    roles: ['vendor'],
    district: '东湖新技术开发区',
    legalRepresentative: '陈思远',
    email: 'guanggu@demo.hst.local',
    displayName: '陈思远',
  },
  {
    key: 'ganghang',
    name: '武汉港航数据服务有限公司',
    kind: 'enterprise',
    roles: ['vendor'],
    district: '江岸区',
    legalRepresentative: '刘江帆',
    email: 'ganghang@demo.hst.local',
    displayName: '刘江帆',
  },
  {
    key: 'opendata',
    name: '武汉市公共数据运营有限公司',
    kind: 'enterprise',
    roles: ['operator'],
    district: '江汉区',
    legalRepresentative: '王晓雯',
    email: 'opendata@demo.hst.local',
    displayName: '王晓雯',
  },
  {
    key: 'planning',
    name: '武汉长江数智规划设计研究院有限公司',
    kind: 'enterprise',
    roles: ['buyer'],
    district: '武昌区',
    legalRepresentative: '张明哲',
    email: 'planning@demo.hst.local',
    displayName: '张明哲',
  },
  {
    key: 'coldchain',
    name: '武汉楚天冷链物流有限公司',
    kind: 'enterprise',
    roles: ['buyer'],
    district: '东西湖区',
    legalRepresentative: '李文静',
    email: 'coldchain@demo.hst.local',
    displayName: '李文静',
  },
  {
    key: 'regulator',
    name: '武汉市数据局',
    kind: 'government',
    roles: ['regulator'],
    district: '江岸区',
    legalRepresentative: '赵国栋',
    email: 'regulator@demo.hst.local',
    displayName: '赵国栋',
    platformCreated: true,
  },
];

/** Registers every demo subject (the market ones apply and the admin approves them) and logs its user in. */
export async function createDemoSubjects(api: SeedClient, admin: string): Promise<Record<DemoSubjectKey, DemoSubject>> {
  const created: Partial<Record<DemoSubjectKey, DemoSubject>> = {};
  for (const [index, spec] of DEMO_SUBJECTS.entries()) {
    const body = {
      subject: {
        name: spec.name,
        uscc: demoUscc(spec.kind === 'government' ? '11' : '91', index + 1),
        kind: spec.kind,
        roles: spec.roles,
        district: spec.district,
        legalRepresentative: spec.legalRepresentative,
      },
      user: { email: spec.email, password: DEMO_PASSWORD, displayName: spec.displayName },
    };
    let subjectId: string;
    if (spec.platformCreated) {
      ({ id: subjectId } = await api.call<{ id: string }>('POST', '/subjects', { token: admin, body, expect: 201 }));
    } else {
      ({ subjectId } = await api.call<{ subjectId: string }>('POST', '/auth/register', { body, expect: 201 }));
      await api.call('POST', `/subjects/${subjectId}/approve`, { token: admin, expect: 200 });
    }
    created[spec.key] = { ...spec, subjectId, token: await api.login(spec.email, DEMO_PASSWORD) };
  }
  return created as Record<DemoSubjectKey, DemoSubject>;
}
