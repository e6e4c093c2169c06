// Assessment run time at the scale of a whole city, one run on a throwaway stack: 1 city + 10 counties × BENCH_DEPTS
// departments (default 40) with synthetic activity in the owners' databases (inventoried systems, catalog entries,
// share applications — some late, some refused without reason, deliveries —, security incidents, open datasets with
// downloads and complaints). Every region's run is started at once as the authority would (a Temporal workflow on the
// stack's workers); we time each run (collection + scoring + storing, `durationMs`) and the wall time until all 11
// are stored, after timing the regions one at a time. Each run asks each subgraph once for all the departments of its
// region.
import { ROOT, env, run, stackLib } from './bench-stack';
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';
import { auditAs, commonConfig, dataSourceFor, dropDatabases, envInt, type ServiceModule } from '@gov/kit';
import type { DataSource } from 'typeorm';

const mod = (svc: string) => (require(`@gov/svc-${svc}/dist/server.js`) as { service: ServiceModule }).service;

const CITY = '420600';
// The city's counties, districts and zones (GB/T 2260; 420683 is the demo county).
const COUNTIES = ['420602', '420606', '420607', '420624', '420625', '420626', '420682', '420683', '420684', '420685'];
const YEAR = '2026';

interface Seeded { regions: string[]; departments: number; rows: Record<string, number> }

/** The population and its activity, written straight into the throwaway databases (the owners' tables). */
async function seedPopulation(perRegion: number): Promise<Seeded> {
  const dbs: Record<string, DataSource> = {};
  for (const s of ['catalog', 'sharing', 'security', 'open-data', 'assessment']) dbs[s] = await dataSourceFor(mod(s)).initialize();
  const rows: Record<string, number> = {};
  const count = (k: string, n: number) => { rows[k] = (rows[k] ?? 0) + n; };
  const regions = [CITY, ...COUNTIES];
  const at = (month: number, day: number) => new Date(Date.UTC(2026, month - 1, day, 2));
  try {
    await dbs.catalog.getRepository('Region').upsert(COUNTIES.map((code) => ({ code, name: `县区${code}`, level: 'COUNTY', parentCode: CITY })), ['code']);
    for (const region of regions) {
      const existing = (await dbs.catalog.getRepository('Department').findBy({ regionCode: region })) as Array<{ id: string }>;
      const depts = existing.map((d) => d.id);
      for (let i = depts.length; i < perRegion; i++) depts.push(`${region}-bench${i}`);
      await dbs.catalog.getRepository('Department').upsert(depts.slice(existing.length).map((id, i) => ({ id, name: `${region}测试部门${i}`, regionCode: region, kind: `bench${i}` })), ['id']);
      for (const [di, d] of depts.entries()) {
        // Catalog: 3 systems, 8 published entries from 2 of them, 1 in 4 left unmounted.
        const systems = [0, 1, 2].map((k) => ({ id: randomUUID(), departmentId: d, regionCode: region, name: `${d}系统${k}`, description: null }));
        await dbs.catalog.getRepository('InformationSystem').insert(systems);
        await dbs.catalog.getRepository('DataResource').insert([...Array(8).keys()].map((k) => ({
          id: randomUUID(), code: `B-${d}-${k}-${run}`, name: `${d}目录${k}`, description: null, departmentId: d, regionCode: region, category: 'DEPARTMENT',
          shareType: 'CONDITIONAL', shareCondition: '依申请', notSharedBasis: null, openType: 'NOT_OPEN', notOpenReason: '测试', sensitivityGrade: 'LOW',
          status: 'PUBLISHED', version: 1, submissionCount: 0, reviewOverdue: false, publishedAt: at(1, 10), createdBy: 'bench',
          sourceSystemId: systems[k % 2].id, mountKind: (k + di) % 4 === 0 ? null : 'TABLE', mountedAt: (k + di) % 4 === 0 ? null : at(1, 11),
        })));
        count('catalog entries', 8); count('information systems', 3);
        // Sharing: 12 applications to the department as provider; every (di % 5 + 3)-th overdue, one refused without reason.
        const late = (di % 5) + 3;
        await dbs.sharing.getRepository('ShareApplication').insert([...Array(12).keys()].map((k) => {
          const submitted = at(1 + (k % 10), 5 + k);
          const filed = new Date(submitted.getTime() + 3 * 86_400_000);
          const delivered = new Date(filed.getTime() + (k % late === 0 ? 6 : 0.2) * 86_400_000);
          const refused = k === 11;
          return {
            id: randomUUID(), resourceId: randomUUID(), providerDepartmentId: d, providerRegionCode: region, consumerDepartmentId: depts[(di + 1) % depts.length], regionCode: region,
            requestedItems: ['名称'], scenario: '测试场景', purpose: '测试', usageMode: 'VERIFY', periodFrom: '2026-01-01', periodTo: '2026-12-31',
            status: refused ? 'REJECTED' : 'GRANTED', idempotencyKey: null, stage: null, overdue: k % late === 0, escalatedAt: k % late === 0 ? filed : null,
            decisionReason: refused && di % 2 ? null : refused ? '用途不符' : null, submittedAt: submitted, createdBy: 'bench',
            decisions: refused ? [{ stage: 'PROVIDER_REVIEW', approve: false, actor: 'bench', at: filed.toISOString() }]
              : [{ stage: 'FILING', approve: true, actor: 'bench', at: filed.toISOString() }, { stage: 'DELIVERY', approve: true, actor: 'bench', at: delivered.toISOString() }],
          };
        }));
        count('share applications', 12);
        // Security: 0-2 incidents.
        const incidents = di % 3;
        if (incidents) {
          await dbs.security.getRepository('SecurityIncident').insert([...Array(incidents).keys()].map((k) => ({
            id: randomUUID(), title: `测试事件${k}`, descriptionEnc: 'bench', severity: 'LOW', status: 'OPEN', departmentId: d, regionCode: region, resourceId: null,
            emergencyPlan: '一般事件处置流程', reportedBy: 'bench', authorityNotifiedAt: null,
          })));
          count('security incidents', incidents);
        }
        // Open data: 2 datasets, downloads and API calls on the first, 2 complaints (one answered late every other department).
        const datasets = [0, 1].map((k) => ({
          id: randomUUID(), resourceId: null, publisherDepartmentId: d, regionCode: region, name: `${d}开放数据${k}`, description: null, openType: 'UNCONDITIONAL',
          formats: ['CSV'], dataType: '结构化数据', openMode: 'DOWNLOAD', updateFrequency: 'MONTHLY', theme: '测试', status: 'PUBLISHED', publishedAt: at(2, 1), createdBy: 'bench',
        }));
        await dbs['open-data'].getRepository('OpenDataset').insert(datasets);
        await dbs['open-data'].getRepository('OpenDataUsage').insert([
          { datasetId: datasets[0].id, month: `${YEAR}-03`, kind: 'DOWNLOAD', format: 'CSV', count: 10 + di },
          { datasetId: datasets[0].id, month: `${YEAR}-04`, kind: 'API', format: '', count: 5 * (di % 7) },
        ]);
        await dbs['open-data'].getRepository('OpenDataCase').insert([0, 1].map((k) => ({
          id: randomUUID(), type: 'COMPLAINT', category: 'PRIVACY', datasetId: datasets[0].id, publisherDepartmentId: d, regionCode: region, submitterSub: 'bench',
          submitter: 'bench', description: '测试投诉', evidence: [], status: 'ANSWERED', answerDeadline: at(3, 20), overdue: k === 1 && di % 2 === 0,
          answeredAt: k === 1 && di % 2 === 0 ? at(4, 2) : at(3, 12), answer: '已答复', answeredBy: 'bench', idempotencyKey: randomUUID(),
        })));
        count('open datasets', 2); count('open-data complaints', 2);
      }
      const period = { id: randomUUID(), name: `${YEAR}年度考核（压测）`, regionCode: region, startsOn: `${YEAR}-01-01`, endsOn: `${YEAR}-12-31`, status: 'OPEN', createdBy: 'bench' };
      await dbs.assessment.getRepository('AssessmentPeriod').upsert(period, ['regionCode', 'name']);
    }
    return { regions, departments: regions.length * perRegion, rows };
  } finally {
    for (const ds of Object.values(dbs)) await ds.destroy();
  }
}

async function main(): Promise<void> {
  const perRegion = envInt('BENCH_DEPTS', 40);
  execFileSync(process.execPath, [join(ROOT, 'scripts/migrate.mjs'), '--seed'], { env: { ...process.env, ...env }, stdio: 'inherit' });
  const t0 = performance.now();
  const seeded = await seedPopulation(perRegion);
  console.log(`seeded ${seeded.departments} departments in ${seeded.regions.length} regions in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(seeded.rows)}`);
  const stack = await stackLib.startStack({ env, freePorts: true, logsDir: join(ROOT, '.tools', 'logs', 'bench') });
  Object.assign(process.env, stack.env);
  const ds = await dataSourceFor(mod('assessment')).initialize();
  const temporal = new Client({ connection: await Connection.connect({ address: commonConfig().temporal.address }) });
  try {
    const { startRun } = require('@gov/svc-assessment/dist/domain/runs.js') as typeof import('@gov/svc-assessment/dist/domain/runs');
    const periods = (await ds.getRepository('AssessmentPeriod').find()) as Array<{ id: string; regionCode: string; name: string; startsOn: string; endsOn: string }>;
    const wanted = seeded.regions.map((r) => periods.find((p) => p.regionCode === r && p.startsOn === `${YEAR}-01-01`)!);
    const actor = (region: string) => ({ username: 'bench', sub: 'bench', department: null, region });
    type RunRow = { id: string; regionCode: string; status: string; durationMs: number | null };
    const start = (p: (typeof wanted)[number], key: string) => startRun(ds, temporal, env.TEMPORAL_TASK_QUEUE_PREFIX, p as never, 'bench', key,
      (e, m) => auditAs(actor(p.regionCode), e, { manager: m }));
    const settle = async (ids: string[]): Promise<RunRow[]> => {
      for (;;) {
        const rows = (await ds.getRepository('AssessmentRun').findBy(ids.map((id) => ({ id })))) as RunRow[];
        if (rows.every((r) => r.status !== 'RUNNING')) return rows;
        await new Promise((ok) => setTimeout(ok, 100));
      }
    };
    // One region after the other: what one run costs when it has the machine (as far as a shared machine allows).
    const t0s = performance.now();
    const single: RunRow[] = [];
    for (const p of wanted) single.push(...await settle([(await start(p, 'bench-single')).id]));
    const sms = single.map((r) => r.durationMs ?? 0).sort((a, b) => a - b);
    console.log(`\nassessment bench (one region at a time): ${single.length} regions x ${perRegion} departments, ${[...new Set(single.map((r) => r.status))].join(',')}`);
    console.log(`per run (collect + score + store): min ${sms[0]} ms, median ${sms[Math.floor(sms.length / 2)]} ms, max ${sms[sms.length - 1]} ms; wall for all ${((performance.now() - t0s) / 1000).toFixed(2)} s`);
    for (const round of ['parallel-1', 'parallel-2']) {
      const t1 = performance.now();
      const runs = await Promise.all(wanted.map((p) => start(p, `bench-${round}`)));
      const done = await settle(runs.map((r) => r.id));
      const wall = (performance.now() - t1) / 1000;
      const results = Number((await ds.query('SELECT COUNT(*) AS n FROM assessment_result WHERE run_id IN (?)', [runs.map((r) => r.id)]))[0].n);
      const ms = done.map((r) => r.durationMs ?? 0).sort((a, b) => a - b);
      console.log(`\nassessment bench (${round}): ${done.length} regions x ${perRegion} departments, all started at once`);
      console.log(`status ${[...new Set(done.map((r) => r.status))].join(',')}; ${results} department results stored`);
      console.log(`per run (collect + score + store): min ${ms[0]} ms, median ${ms[Math.floor(ms.length / 2)]} ms, max ${ms[ms.length - 1]} ms`);
      console.log(`wall, first start to last stored: ${wall.toFixed(2)} s`);
    }
    // startRun also arms each period's end-of-period timer: end those workflows with the throwaway stack.
    const { assessmentPeriodEndWorkflowId } = require('@gov/workflows') as typeof import('@gov/workflows');
    for (const p of wanted) await temporal.workflow.getHandle(assessmentPeriodEndWorkflowId(p.id)).terminate('bench done').catch(() => undefined);
  } finally {
    await temporal.connection.close();
    await ds.destroy();
    await stackLib.stopStack(stack);
    await dropDatabases(env.GOV_DB_PREFIX, commonConfig().mysql);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
