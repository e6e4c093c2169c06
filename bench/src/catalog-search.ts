// Catalog keyword search: the bigram token index (services/catalog/src/domain/search.ts) against a LIKE '%…%' scan,
// on a throwaway database with BENCH_N synthetic Chinese entries (default 20000). Prints both timings and their ratio
// from one run, plus the hit counts so the two can be compared for recall.
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { commonConfig, createDataSource, dataSourceFor, envInt } from '@gov/kit';

process.env.GOV_DB_PREFIX ??= `gov_bench_${randomBytes(3).toString('hex')}_`;
const { service } = require('@gov/svc-catalog/dist/server') as typeof import('@gov/svc-catalog/dist/server');
const { tokenRows, whereKeyword } = require('@gov/svc-catalog/dist/domain/search') as typeof import('@gov/svc-catalog/dist/domain/search');

const SUBJECTS = ['人口', '企业', '法人', '不动产', '医疗机构', '社会保险', '公积金', '交通违法', '学籍', '税务', '婚姻', '出生', '殡葬', '食品', '药品', '环境', '水利', '农业', '信用', '车辆'];
const ACTS = ['登记', '许可', '备案', '变更', '注销', '年报', '检查', '处罚', '补贴', '缴纳', '核验', '统计'];
const TAILS = ['信息', '数据', '记录', '明细', '名录', '台账'];
const ITEMS = ['姓名', '公民身份号码', '统一社会信用代码', '地址', '联系电话', '登记日期', '机构名称', '证照编号', '金额', '状态'];
const pick = <T>(a: readonly T[], i: number) => a[i % a.length];

async function main(): Promise<void> {
  const n = envInt('BENCH_N', 20000);
  const ds = dataSourceFor(service);
  const db = (ds.options as { database: string }).database;
  const admin = createDataSource({ database: 'information_schema', entities: [], migrations: [], mysql: commonConfig().mysql });
  await admin.initialize();
  await admin.query(`CREATE DATABASE \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  try {
    await ds.initialize();
    await ds.runMigrations();
    await service.seed!(ds);
    const t0 = performance.now();
    for (let start = 0; start < n; start += 1000) {
      const res: unknown[][] = []; const items: unknown[][] = []; const tokens: unknown[][] = [];
      for (let i = start; i < Math.min(n, start + 1000); i++) {
        const id = randomUUID();
        const name = `${pick(SUBJECTS, i)}${pick(ACTS, Math.floor(i / 20))}${pick(TAILS, Math.floor(i / 240))}`;
        const description = `${pick(SUBJECTS, i * 7)}领域${pick(ACTS, i * 3)}业务产生的数据`;
        const its = [pick(ITEMS, i), pick(ITEMS, i + 3), pick(ITEMS, i + 5)];
        res.push([id, `B-${i}`, name, description, '420600-gaj', '420600', 'DEPARTMENT', 'UNCONDITIONAL', 'UNCONDITIONAL', 'NONE', 'PUBLISHED', 'bench']);
        its.forEach((it, p) => items.push([randomUUID(), id, p, it, 'STRING', 'NONE']));
        // The same rows reindexResource() writes for an entry.
        for (const t of tokenRows(id, { name, description, code: `B-${i}`, theme: null }, its)) tokens.push([t.token, id, t.source]);
      }
      await ds.transaction(async (m) => {
        await m.query('INSERT INTO data_resource (id, code, name, description, department_id, region_code, category, share_type, open_type, sensitivity_grade, status, created_by) VALUES ?', [res]);
        await m.query('INSERT INTO data_item (id, resource_id, position, name, type, sensitivity) VALUES ?', [items]);
        await m.query('INSERT IGNORE INTO search_token (token, resource_id, source) VALUES ?', [tokens]);
      });
    }
    console.log(`loaded ${n} entries in ${((performance.now() - t0) / 1000).toFixed(1)} s into ${db}`);
    await ds.query('ANALYZE TABLE data_resource, search_token');

    const runs = envInt('BENCH_RUNS', 20);
    const keywords = ['人口', '企业 登记', '不动产登记信息', '核验 身份号码', '药品 许可 名录'];
    console.log('keyword'.padEnd(18), 'token ms'.padStart(9), 'LIKE ms'.padStart(9), 'LIKE/token'.padStart(11), 'token hits'.padStart(11), 'LIKE hits'.padStart(10));
    for (const kw of keywords) {
      // The catalog's own query builder (whereKeyword), as dataResources runs it.
      const published = () => ds.getRepository('DataResource').createQueryBuilder('r').where('r.status = :st', { st: 'PUBLISHED' });
      const [tokenSql, tokens] = whereKeyword(published().select('r.id'), kw).orderBy('r.createdAt', 'DESC').addOrderBy('r.id', 'DESC').limit(20).getQueryAndParameters();
      const [tokenCount] = whereKeyword(published().select('COUNT(*)', 'c'), kw).getQueryAndParameters(); // same parameters
      const words = kw.split(/\s+/);
      const likeWhere = words.map(() => '(r.name LIKE ? OR r.description LIKE ? OR EXISTS (SELECT 1 FROM data_item i WHERE i.resource_id = r.id AND i.name LIKE ?))').join(' AND ');
      const likeParams = words.flatMap((w) => [`%${w}%`, `%${w}%`, `%${w}%`]);
      const likeSql = `SELECT r.id FROM data_resource r WHERE r.status = 'PUBLISHED' AND ${likeWhere} ORDER BY r.created_at DESC, r.id DESC LIMIT 20`;
      const likeCount = `SELECT COUNT(*) AS c FROM data_resource r WHERE r.status = 'PUBLISHED' AND ${likeWhere}`;
      const time = async (f: () => Promise<unknown>) => { await f(); const s = performance.now(); for (let i = 0; i < runs; i++) await f(); return (performance.now() - s) / runs; };
      const tk = await time(async () => { await ds.query(tokenSql, tokens); await ds.query(tokenCount, tokens); });
      const lk = await time(async () => { await ds.query(likeSql, likeParams); await ds.query(likeCount, likeParams); });
      const [{ c: th }] = await ds.query(tokenCount, tokens);
      const [{ c: lh }] = await ds.query(likeCount, likeParams);
      console.log(kw.padEnd(18), tk.toFixed(2).padStart(9), lk.toFixed(2).padStart(9), (lk / tk).toFixed(2).padStart(11), String(th).padStart(11), String(lh).padStart(10));
    }
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await admin.query(`DROP DATABASE IF EXISTS \`${db}\``);
    await admin.destroy();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
