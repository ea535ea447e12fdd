-- Seeds :n listed products (and one active vendor per 250 products) into a database migrated to head.
-- Titles, summaries and tags are drawn from a fixed Chinese and Latin vocabulary with a fixed seed, so every
-- run searches the same catalog. Usage: psql -v n=2000 -f seed.sql
SELECT setseed(0.42) AS seeded \gset

CREATE TEMP TABLE vocab_zh AS SELECT unnest(ARRAY[
'智能','网联','汽车','轨迹','公交','客流','医院','门诊','气象','观测','电力','负荷','物流','仓储','港口','吞吐','农业','土壤','金融','征信',
'旅游','酒店','餐饮','外卖','教育','学籍','人口','普查','交通','事故','卫星','遥感','城市','停车','充电','地铁','进站','空气','质量','水文',
'地震','台风','降水','河流','湖泊','森林','草原','湿地','海洋','渔业','养殖','种植','粮食','小麦','水稻','玉米','棉花','茶叶','果蔬','畜牧',
'兽医','药品','器械','疫苗','病历','体检','社保','医保','公积','税务','发票','工商','登记','专利','商标','版权','司法','裁判','信访','民政',
'婚姻','户籍','出入','海关','口岸','航班','机场','铁路','高速','桥梁','隧道','管网','燃气','供水','排水','供热','光伏','风电','储能','电池',
'芯片','钢铁','化工','纺织','家电','手机','基站','宽带','卫健','疾控','养老','托育','就业','招聘','薪酬','房价','租赁','土地','规划','建筑',
'装修','物业','社区','网格','消防','应急','安防','监控','视频','图像','语音','文本','舆情','电商','零售','超市','商圈','会展','文旅','景区',
'票务','体育','赛事','彩票','银行','保险','证券','基金','期货','债券','信贷','支付','清算','汇率','物价','统计','年鉴','地图','测绘','北斗',
'定位','导航','路况','拥堵']) AS w;
CREATE TEMP TABLE vocab_en AS SELECT unnest(ARRAY[
'traffic','weather','grid','retail','logistics','satellite','credit','tourism','energy','health',
'sensor','vehicle','trajectory','parking','port','metro','air','quality','census','hotel',
'rainfall','river','forest','ocean','fishery','farming','grain','wheat','rice','cotton',
'tea','livestock','pharmacy','vaccine','insurance','pension','housing','rental','land','zoning',
'building','property','community','fire','emergency','camera','video','image','speech','text',
'sentiment','commerce','supermarket','exhibition','museum','ticket','sports','lottery','bank','securities',
'fund','futures','bond','loan','payment','clearing','exchange','price','statistics','yearbook',
'mapping','survey','beidou','navigation','congestion']) AS w;

INSERT INTO subjects (name, uscc, kind, roles, status, district)
SELECT '基准测试数据公司' || i, 'BENCH' || lpad(i::text, 13, '0'), 'enterprise', '{vendor}', 'active', '东湖新技术开发区'
  FROM generate_series(1, greatest(1, :n / 250)) AS i;

WITH vendors AS (SELECT array_agg(id) AS ids FROM subjects WHERE uscc LIKE 'BENCH%'),
     zh AS (SELECT array_agg(w) AS ws FROM vocab_zh),
     en AS (SELECT array_agg(w) AS ws FROM vocab_en),
     rows AS (
       SELECT i,
              zh.ws[1 + floor(random() * 164)::int] || zh.ws[1 + floor(random() * 164)::int]
                || zh.ws[1 + floor(random() * 164)::int] || '数据' AS title,
              zh.ws[1 + floor(random() * 164)::int] || zh.ws[1 + floor(random() * 164)::int] || '的脱敏记录，'
                || en.ws[1 + floor(random() * 75)::int] || ' ' || en.ws[1 + floor(random() * 75)::int] || ' data' AS summary,
              ARRAY[zh.ws[1 + floor(random() * 164)::int], en.ws[1 + floor(random() * 75)::int]] AS tags,
              (ARRAY['交通出行','医疗健康','气象环境','金融服务','城市治理'])[1 + floor(random() * 5)::int] AS category,
              (ARRAY['api','file','sandbox'])[1 + floor(random() * 3)::int] AS delivery_mode,
              (ARRAY['one_time','subscription','per_call'])[1 + floor(random() * 3)::int] AS pricing_model,
              1 + floor(random() * 1000000)::bigint AS price_fen,
              vendors.ids[1 + (i % array_length(vendors.ids, 1))] AS vendor_id,
              now() - make_interval(secs => i * 37) AS listed_at
         FROM generate_series(1, :n) AS i, vendors, zh, en)
INSERT INTO products (vendor_id, title, summary, description, category, tags, source_type, delivery_mode,
                      update_frequency, pricing_model, price_fen, cert_no, policy, status, listed_at)
SELECT vendor_id, title, summary, '基准测试产品', category, tags, 'enterprise', delivery_mode, 'daily', pricing_model,
       price_fen, 'WHDR-2026-' || lpad(i::text, 6, '0'),
       '{"purposes":["研究"],"maxTermDays":365,"allowRedistribution":false,"autoApprove":false}', 'listed', listed_at
  FROM rows;

ANALYZE subjects;
ANALYZE products;
