import type { DatasetRecord } from '@hst/catalog';

export type FieldSpec = { name: string; type: 'string' | 'number'; description: string };
export type DemoDataset = { fieldSchema: FieldSpec[]; records: DatasetRecord[] };

// The records are computed, not random: the same seed registers the same content digests every time.

const round = (value: number, digits: number) => Number(value.toFixed(digits));
const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `day` plus `seconds` after midnight, Beijing time, as ISO 8601. */
const beijingTime = (day: string, seconds: number) =>
  `${day}T${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}+08:00`;

const field = (name: string, type: FieldSpec['type'], description: string): FieldSpec => ({ name, type, description });

const TEST_VEHICLES = [
  { id: 'GGICV-A017', road: '高新大道', lng: 114.4312, lat: 30.4785, dLng: 0.00052, dLat: 0.00003, heading: 88 },
  { id: 'GGICV-B203', road: '光谷大道', lng: 114.4198, lat: 30.5032, dLng: 0.00004, dLat: -0.00047, heading: 175 },
  { id: 'GGICV-C088', road: '东风大道', lng: 114.1672, lat: 30.5011, dLng: 0.00049, dLat: 0.00011, heading: 76 },
];

export const ICV_TRAJECTORIES: DemoDataset = {
  fieldSchema: [
    field('vehicleId', 'string', '测试车辆编号'),
    field('recordedAt', 'string', '采样时间（北京时间）'),
    field('road', 'string', '所在道路'),
    field('lng', 'number', '经度（GCJ-02）'),
    field('lat', 'number', '纬度（GCJ-02）'),
    field('speedKmh', 'number', '车速 km/h'),
    field('headingDeg', 'number', '航向角（度，正北为 0）'),
    field('drivingMode', 'string', '驾驶模式：autonomous 自动驾驶 / manual 人工接管'),
  ],
  records: TEST_VEHICLES.flatMap((v, n) =>
    Array.from({ length: 8 }, (_, i) => ({
      vehicleId: v.id,
      recordedAt: beijingTime('2026-11-16', 8 * 3600 + n * 600 + i * 15),
      road: v.road,
      lng: round(v.lng + v.dLng * i, 6),
      lat: round(v.lat + v.dLat * i, 6),
      speedKmh: round(32 + ((i * 7 + n * 5) % 17) + 0.4 * n, 1),
      headingDeg: v.heading + ((i * 3) % 5) - 2,
      drivingMode: n === 2 && i >= 6 ? 'manual' : 'autonomous',
    })),
  ),
};

const CITY_EVENTS = [
  ['违章停车', '一般'],
  ['道路积水', '较重'],
  ['抛洒物', '一般'],
  ['井盖异常', '较重'],
  ['占道经营', '一般'],
] as const;
const CITY_SPOTS = [
  ['洪山区', '珞喻路-鲁磨路口'],
  ['东湖新技术开发区', '光谷广场环岛'],
  ['东湖新技术开发区', '关山大道-南湖大道口'],
  ['洪山区', '雄楚大道-卓刀泉路口'],
  ['东湖新技术开发区', '高新大道-光谷三路口'],
  ['江夏区', '文化大道-藏龙大道口'],
  ['武昌区', '中北路-东湖路口'],
] as const;

export const ROADSIDE_CITY_EVENTS: DemoDataset = {
  fieldSchema: [
    field('eventId', 'string', '事件编号'),
    field('detectedAt', 'string', '发现时间（北京时间）'),
    field('district', 'string', '行政区'),
    field('location', 'string', '路口或路段'),
    field('eventType', 'string', '事件类型'),
    field('severity', 'string', '严重程度'),
    field('disposalMinutes', 'number', '从发现到处置完毕的分钟数'),
    field('status', 'string', '处置状态'),
  ],
  records: Array.from({ length: 20 }, (_, i) => {
    const [eventType, severity] = CITY_EVENTS[(i * 3) % CITY_EVENTS.length];
    const [district, location] = CITY_SPOTS[(i * 5) % CITY_SPOTS.length];
    return {
      eventId: `RSU-20261118-${pad(i + 1, 4)}`,
      detectedAt: beijingTime('2026-11-18', 6 * 3600 + i * 2460),
      district,
      location,
      eventType,
      severity,
      disposalMinutes: 12 + ((i * 13) % 47),
      status: i % 6 === 5 ? '处置中' : '已处置',
    };
  }),
};

const SHIPS = [
  { mmsi: '413852160', name: '长航货运1806', type: '集装箱船', draughtM: 5.8, downstream: true },
  { mmsi: '413790420', name: '汉港集1号', type: '集装箱船', draughtM: 5.2, downstream: false },
  { mmsi: '413441870', name: '长江之星', type: '客船', draughtM: 2.9, downstream: true },
  { mmsi: '413265530', name: '鄂武汉货2217', type: '散货船', draughtM: 4.6, downstream: false },
  { mmsi: '413903310', name: '楚江油28', type: '油船', draughtM: 4.1, downstream: true },
];
const WATERWAYS = ['武汉长江大桥水道', '二七长江大桥水道', '天兴洲水道', '阳逻水道'];

export const YANGTZE_AIS: DemoDataset = {
  fieldSchema: [
    field('mmsi', 'string', '船舶 MMSI'),
    field('shipName', 'string', '船名'),
    field('shipType', 'string', '船舶类型'),
    field('reportedAt', 'string', 'AIS 报告时间（北京时间）'),
    field('waterway', 'string', '所在水道'),
    field('lng', 'number', '经度（WGS-84）'),
    field('lat', 'number', '纬度（WGS-84）'),
    field('sogKnots', 'number', '对地航速（节）'),
    field('courseDeg', 'number', '对地航向（度）'),
    field('draughtM', 'number', '吃水（米）'),
  ],
  records: SHIPS.flatMap((ship, n) =>
    Array.from({ length: 4 }, (_, i) => {
      const leg = ship.downstream ? i : 3 - i;
      return {
        mmsi: ship.mmsi,
        shipName: ship.name,
        shipType: ship.type,
        reportedAt: beijingTime('2026-11-20', 10 * 3600 + n * 420 + i * 900),
        waterway: WATERWAYS[leg],
        lng: round(114.2905 + leg * 0.0368 + n * 0.0011, 6),
        lat: round(30.5572 + leg * 0.0297 - n * 0.0007, 6),
        sogKnots: round(ship.downstream ? 8.2 + ((i + n) % 3) * 0.6 : 6.1 + ((i + n) % 3) * 0.4, 1),
        courseDeg: ship.downstream ? 41 + i : 221 - i,
        draughtM: ship.draughtM,
      };
    }),
  ),
};

const TERMINALS = ['阳逻港一期', '阳逻港三期'];

export const YANGLUO_YARD: DemoDataset = {
  fieldSchema: [
    field('date', 'string', '作业日期'),
    field('terminal', 'string', '码头'),
    field('teuIn', 'number', '进场集装箱（TEU）'),
    field('teuOut', 'number', '出场集装箱（TEU）'),
    field('reeferTeu', 'number', '其中冷藏箱（TEU）'),
    field('yardUtilizationPct', 'number', '堆场利用率（%）'),
    field('avgDwellHours', 'number', '平均堆存时长（小时）'),
  ],
  records: Array.from({ length: 16 }, (_, i) => {
    const day = Math.floor(i / 2);
    const terminal = i % 2;
    return {
      date: `2026-11-${pad(9 + day)}`,
      terminal: TERMINALS[terminal],
      teuIn: 1850 + terminal * 1320 + ((day * 137) % 410),
      teuOut: 1790 + terminal * 1260 + ((day * 151) % 390),
      reeferTeu: 96 + terminal * 58 + ((day * 17) % 40),
      yardUtilizationPct: round(63.5 + terminal * 6.2 + ((day * 23) % 90) / 10, 1),
      avgDwellHours: round(52 + terminal * 9 + ((day * 31) % 120) / 10, 1),
    };
  }),
};

const STATIONS = [
  { name: '东西湖国家基本气象站', district: '东西湖区', offset: 0 },
  { name: '江夏区气象观测站', district: '江夏区', offset: 0.6 },
];
const HOURLY_TEMPERATURE = [5.8, 5.6, 6.1, 7.4, 8.9, 10.6, 12.1, 13.2, 13.8, 13.5, 12.6, 11.2];
const WINDS = ['东北', '北', '东北', '东'];

export const HOURLY_WEATHER: DemoDataset = {
  fieldSchema: [
    field('station', 'string', '观测站'),
    field('district', 'string', '行政区'),
    field('observedAt', 'string', '观测时间（北京时间，整点）'),
    field('temperatureC', 'number', '气温（℃）'),
    field('humidityPct', 'number', '相对湿度（%）'),
    field('precipitationMm', 'number', '小时降水量（毫米）'),
    field('windDirection', 'string', '风向'),
    field('windSpeedMs', 'number', '平均风速（米/秒）'),
    field('visibilityKm', 'number', '能见度（千米）'),
  ],
  records: STATIONS.flatMap((station, n) =>
    HOURLY_TEMPERATURE.map((temperature, i) => ({
      station: station.name,
      district: station.district,
      observedAt: beijingTime('2026-11-25', (6 + i) * 3600),
      temperatureC: round(temperature + station.offset, 1),
      humidityPct: 92 - i * 3 - n * 2,
      precipitationMm: i < 2 && n === 1 ? 0.2 : 0,
      windDirection: WINDS[(i + n) % WINDS.length],
      windSpeedMs: round(1.8 + ((i * 3 + n) % 7) * 0.3, 1),
      visibilityKm: round(4.5 + i * 0.9 + n * 0.5, 1),
    })),
  ),
};

const CHARGING_STATIONS = [
  ['光谷创意天地充电站', '东湖新技术开发区'],
  ['光谷软件园充电站', '东湖新技术开发区'],
  ['未来科技城充电站', '东湖新技术开发区'],
  ['鲁巷广场充电站', '洪山区'],
  ['街道口充电站', '洪山区'],
  ['楚河汉街充电站', '武昌区'],
  ['武昌火车站东广场充电站', '武昌区'],
  ['汉口火车站充电站', '江汉区'],
  ['武汉天地充电站', '江岸区'],
  ['沌口体育中心充电站', '武汉经济技术开发区'],
  ['车都四季花城充电站', '武汉经济技术开发区'],
  ['金银湖公园充电站', '东西湖区'],
  ['天河机场 P3 充电站', '黄陂区'],
  ['藏龙岛充电站', '江夏区'],
  ['阳逻开发区充电站', '新洲区'],
] as const;

export const CHARGING_USAGE: DemoDataset = {
  fieldSchema: [
    field('stationId', 'string', '充电站编号'),
    field('stationName', 'string', '充电站名称'),
    field('district', 'string', '行政区'),
    field('month', 'string', '统计月份'),
    field('connectors', 'number', '充电枪数'),
    field('chargingSessions', 'number', '充电次数'),
    field('energyKwh', 'number', '充电量（千瓦时）'),
    field('avgSessionMinutes', 'number', '平均单次充电时长（分钟）'),
    field('peakUtilizationPct', 'number', '晚高峰时段利用率（%）'),
  ],
  records: CHARGING_STATIONS.map(([stationName, district], i) => {
    const connectors = 8 + ((i * 5) % 17);
    const sessions = connectors * (96 + ((i * 29) % 61));
    return {
      stationId: `WHCS-${pad(i + 101, 4)}`,
      stationName,
      district,
      month: '2026-10',
      connectors,
      chargingSessions: sessions,
      energyKwh: round(sessions * (24.5 + (i % 4) * 1.7), 1),
      avgSessionMinutes: 48 + ((i * 7) % 23),
      peakUtilizationPct: round(58 + ((i * 11) % 35) + 0.5 * (i % 2), 1),
    };
  }),
};
