import { type CreateProductDto, datasetDigest } from '@hst/catalog';
import { type CreateRegistrationDto, RegistrationService } from '@hst/registry';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import {
  CHARGING_USAGE,
  type DemoDataset,
  HOURLY_WEATHER,
  ICV_TRAJECTORIES,
  ROADSIDE_CITY_EVENTS,
  YANGLUO_YARD,
  YANGTZE_AIS,
} from './demo-datasets';
import type { DemoSubject, DemoSubjectKey } from './demo-subjects';
import type { SeedClient } from './seed-client';

export type DemoProductKey = 'trajectories' | 'cityEvents' | 'ais' | 'yard' | 'weather' | 'charging';

/** The operator's public-data authorization covers this domain, the category of its `public` product. */
export const PUBLIC_DATA_DOMAIN = '气象';

type DemoProductSpec = {
  key: DemoProductKey;
  owner: DemoSubjectKey;
  dataset: DemoDataset;
  registration: Pick<CreateRegistrationDto, 'description' | 'acquisition' | 'sourceStatement'>;
  product: Omit<CreateProductDto, 'certNo'>;
};

export type DemoProduct = DemoProductSpec & { id: string; certNo: string };

export const DEMO_PRODUCTS: readonly DemoProductSpec[] = [
  {
    key: 'trajectories',
    owner: 'guanggu',
    dataset: ICV_TRAJECTORIES,
    registration: {
      description: '光谷及经开区智能网联汽车测试道路上测试车队的脱敏行驶轨迹，1 Hz 采样。',
      acquisition: 'self_collected',
      sourceStatement: '由本公司智能网联测试车队在武汉市智能网联汽车测试道路上自行采集',
    },
    product: {
      title: '智能网联汽车道路测试轨迹数据',
      summary: '光谷、经开区测试道路上的自动驾驶测试车轨迹：位置、车速、航向与驾驶模式',
      description: '采样频率 1 Hz，坐标系 GCJ-02，车辆编号已脱敏。按调用计费，适合自动驾驶算法训练与仿真场景构建。',
      category: '交通出行',
      tags: ['车联网', '自动驾驶', '轨迹', 'GPS'],
      sourceType: 'enterprise',
      deliveryMode: 'api',
      updateFrequency: 'realtime',
      pricing: { model: 'per_call', priceFen: 20 },
      policy: {
        purposes: ['自动驾驶算法训练', '交通规划研究'],
        maxTermDays: 365,
        maxCallsPerDay: 50_000,
        allowRedistribution: false,
        autoApprove: true,
      },
    },
  },
  {
    key: 'cityEvents',
    owner: 'guanggu',
    dataset: ROADSIDE_CITY_EVENTS,
    registration: {
      description: '路侧感知设备识别的违章停车、道路积水、抛洒物、井盖异常、占道经营等城市事件及其处置时长。',
      acquisition: 'self_produced',
      sourceStatement: '由本公司部署在光谷片区的路侧感知单元识别生成，经人工复核',
    },
    product: {
      title: '光谷路侧感知城市事件数据',
      summary: '路侧感知识别的城市管理事件：类型、位置、严重程度与处置时长',
      description: '覆盖东湖高新区及周边主干路口，逐日更新。在隐私计算沙箱内交付，原始视频不出域。',
      category: '城市治理',
      tags: ['城市管理', '路侧感知', '应急'],
      sourceType: 'enterprise',
      deliveryMode: 'sandbox',
      updateFrequency: 'daily',
      pricing: { model: 'subscription', priceFen: 880_000 },
      policy: {
        purposes: ['城市精细化管理', '应急处置研究'],
        maxTermDays: 365,
        allowRedistribution: false,
        autoApprove: false,
      },
    },
  },
  {
    key: 'ais',
    owner: 'ganghang',
    dataset: YANGTZE_AIS,
    registration: {
      description: '长江武汉段（武汉长江大桥至阳逻水道）船舶 AIS 动态报告，含船名、船型、航速、航向与吃水。',
      acquisition: 'self_collected',
      sourceStatement: '由本公司沿江 AIS 岸基接收站自行接收并清洗',
    },
    product: {
      title: '长江武汉段船舶AIS航行数据',
      summary: '长江武汉段船舶实时动态：位置、航速、航向、吃水与所在水道',
      description: '岸基接收站 24 小时连续接收，坐标系 WGS-84。按 30 天订阅，API 实时推送。',
      category: '航运',
      tags: ['长江', 'AIS', '船舶', '航运'],
      sourceType: 'enterprise',
      deliveryMode: 'api',
      updateFrequency: 'realtime',
      pricing: { model: 'subscription', priceFen: 450_000 },
      policy: {
        purposes: ['航运调度优化', '航道安全监管研究'],
        maxTermDays: 180,
        allowRedistribution: false,
        autoApprove: true,
      },
    },
  },
  {
    key: 'yard',
    owner: 'ganghang',
    dataset: YANGLUO_YARD,
    registration: {
      description: '阳逻港一期、三期集装箱堆场逐日作业统计：进出场箱量、冷藏箱、堆场利用率与平均堆存时长。',
      acquisition: 'self_produced',
      sourceStatement: '由本公司根据码头生产系统作业记录统计加工',
    },
    product: {
      title: '阳逻港集装箱堆场作业数据',
      summary: '阳逻港集装箱堆场逐日箱量、冷藏箱与堆场利用率统计',
      description: '以文件交付，每周更新一次，一次性买断授权期内的全部更新。',
      category: '物流',
      tags: ['港口', '集装箱', '阳逻港', '供应链'],
      sourceType: 'enterprise',
      deliveryMode: 'file',
      updateFrequency: 'weekly',
      pricing: { model: 'one_time', priceFen: 1_280_000 },
      policy: {
        purposes: ['港口运营分析', '物流路径规划'],
        maxTermDays: 365,
        allowRedistribution: false,
        autoApprove: false,
      },
    },
  },
  {
    key: 'weather',
    owner: 'opendata',
    dataset: HOURLY_WEATHER,
    registration: {
      description: '武汉市各区国家及区域气象观测站逐小时观测要素，经公共数据授权运营开放。',
      acquisition: 'authorized',
      sourceStatement: '依据武汉市公共数据授权运营协议，由市气象部门提供，本公司加工',
    },
    product: {
      title: '武汉市分区逐小时气象观测数据',
      summary: '各区观测站逐小时气温、湿度、降水、风与能见度（公共数据授权运营）',
      description: '公共数据授权运营产品：收益按授权约定向数据来源方分成。按调用计费，适合出行、物流与城市运行场景。',
      category: PUBLIC_DATA_DOMAIN,
      tags: ['气象', '公共数据', '降水'],
      sourceType: 'public',
      deliveryMode: 'api',
      updateFrequency: 'realtime',
      pricing: { model: 'per_call', priceFen: 5 },
      policy: {
        purposes: ['气象服务研发', '冷链物流调度', '交通规划研究'],
        maxTermDays: 365,
        maxCallsPerDay: 100_000,
        allowRedistribution: false,
        autoApprove: true,
      },
    },
  },
  {
    key: 'charging',
    owner: 'guanggu',
    dataset: CHARGING_USAGE,
    registration: {
      description: '武汉市公共充电站月度运营统计：充电枪数、充电次数、充电量、时长与高峰利用率。',
      acquisition: 'self_collected',
      sourceStatement: '由本公司充电运营平台的站点运营记录汇总',
    },
    product: {
      title: '新能源汽车公共充电站使用数据',
      summary: '武汉市 15 座公共充电站月度充电次数、充电量与晚高峰利用率',
      description: '按月更新的站点级统计，不含车辆与用户信息。一次性购买，以文件交付。',
      category: '能源',
      tags: ['新能源汽车', '充电桩', '能源'],
      sourceType: 'enterprise',
      deliveryMode: 'file',
      updateFrequency: 'monthly',
      pricing: { model: 'one_time', priceFen: 360_000 },
      policy: {
        purposes: ['充电设施规划', '能源消费分析'],
        maxTermDays: 730,
        allowRedistribution: false,
        autoApprove: true,
      },
    },
  },
];

/** 数据登记确权: the owner registers the dataset, the admin starts the public notice, the certificate is issued. */
async function certify(
  app: NestFastifyApplication,
  api: SeedClient,
  admin: string,
  owner: DemoSubject,
  spec: DemoProductSpec,
): Promise<string> {
  const { records, fieldSchema } = spec.dataset;
  const registration = await api.call<{ id: string }>('POST', '/registrations', {
    token: owner.token,
    body: {
      ...spec.registration,
      assetName: spec.product.title,
      category: spec.product.category,
      sourceType: spec.product.sourceType,
      rightsClaimed: ['holding', 'processing', 'operation'],
      contentDigest: datasetDigest(records),
      recordCount: records.length,
      fieldSchema,
      sensitivity: 'general',
    } satisfies CreateRegistrationDto,
    expect: 201,
  });
  await api.call('POST', `/registrations/${registration.id}/start-notice`, { token: admin, expect: 200 });
  // The one step that is not a request: a public notice (公示) lasts REGISTRATION_NOTICE_SECONDS (10 days), so the
  // demo shows its notices as elapsed. The end moves to the past and the notice ends exactly as the worker's
  // timer ends it (as test/support/registry-factories.ts endNoticeNow does): certificate, audit and events included.
  await app
    .get(DataSource)
    .query(`UPDATE registrations SET notice_ends_at = now() - interval '1 second' WHERE id = $1`, [registration.id]);
  await app.get(RegistrationService).endNotice(registration.id);
  const { certNo } = await api.call<{ certNo: string | null }>('GET', `/registrations/${registration.id}`, {
    token: owner.token,
    expect: 200,
  });
  if (!certNo) throw new Error(`demo seed: registration ${registration.id} ended without a certificate`);
  return certNo;
}

/** 数据产品挂牌: certificate, product, dataset upload, submission and the admin's approval: the product is listed. */
export async function listDemoProduct(
  app: NestFastifyApplication,
  api: SeedClient,
  admin: string,
  owner: DemoSubject,
  spec: DemoProductSpec,
): Promise<DemoProduct> {
  const certNo = await certify(app, api, admin, owner, spec);
  const { id } = await api.call<{ id: string }>('POST', '/products', {
    token: owner.token,
    body: { ...spec.product, certNo } satisfies CreateProductDto,
    expect: 201,
  });
  await api.call('PUT', `/products/${id}/dataset`, {
    token: owner.token,
    body: { records: spec.dataset.records },
    expect: 200,
  });
  await api.call('POST', `/products/${id}/submit`, { token: owner.token, expect: 200 });
  await api.call('POST', `/products/${id}/approve`, { token: admin, expect: 200 });
  return { ...spec, id, certNo };
}
