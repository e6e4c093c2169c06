// Open data downloads (000 §20, 003 §22-23) through the real graph: anonymous callers, the real sharing record stream,
// the grade policy security stores, audit into security's chain.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { legalPersonRow } from '../services/sharing/src/domain/demo';
import { codes, eventually, gql, tokenOf } from './support';

const LP_DATASET = '00000000-0000-4000-8000-0000000d0003'; // 襄阳市企业登记基本信息 ← LP-BASE (UNCONDITIONAL, LOW)
const CONDITIONAL_DATASET = '00000000-0000-4000-8000-0000000d0004';
const LP_RESOURCE = '00000000-0000-4000-8000-000004206001'; // LP-BASE, owned by the city market regulator
const SEEDED_ROWS = 300; // sharing's seed under NODE_ENV=test

const DISTRIBUTIONS = 'query($id: ID!) { openDataset(id: $id) { id name distributions { format mediaType downloadURL } } }';
const FILE = 'query($id: ID!, $format: OpenDataFileFormat!, $bom: Boolean) { openDatasetFile(id: $id, format: $format, bom: $bom) { fileName mediaType encoding content rows columns } }';

async function distributions(id: string): Promise<Array<{ format: string; mediaType: string; downloadURL: string }>> {
  const res = await gql(null, DISTRIBUTIONS, { id });
  expect(res.errors).toBeUndefined();
  return res.data!.openDataset.distributions;
}

const firstCompany = legalPersonRow(0);

describe('anonymous downloads of unconditionally open data (000 §20)', () => {
  let urls: Record<string, string>;
  beforeAll(async () => { urls = Object.fromEntries((await distributions(LP_DATASET)).map((d) => [d.format, d.downloadURL])); });

  test('000 §20: an UNCONDITIONAL dataset lists CSV, JSON, JSON lines, XML and XLSX distributions', () => {
    expect(Object.keys(urls).sort()).toEqual(['CSV', 'JSON', 'JSONL', 'XLSX', 'XML']);
  });

  test('000 §20, 003 §23: CSV with BOM, Chinese file name, every record, names de-identified', async () => {
    const res = await fetch(`${urls.CSV}&bom=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('襄阳市企业登记基本信息.csv')}`);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const rows = parse(body.subarray(3).toString('utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(rows.length).toBeGreaterThanOrEqual(SEEDED_ROWS);
    expect(Object.keys(rows[0])).toEqual(['统一社会信用代码', '企业名称', '法定代表人', '住所']);
    const first = rows.find((r) => r.统一社会信用代码 === firstCompany.统一社会信用代码)!;
    expect(first.企业名称).toBe(firstCompany.企业名称);
    expect(first.法定代表人).not.toBe(firstCompany.法定代表人); // a person's name: masked for the open use (003 §23)
    expect(first.法定代表人).toContain('*');
    expect(rows.some((r) => r.法定代表人 === firstCompany.法定代表人)).toBe(false);
  });

  test('000 §20: JSON, JSON lines and XML carry the same records', async () => {
    const json = await (await fetch(urls.JSON)).json() as Array<Record<string, string>>;
    expect(json.length).toBeGreaterThanOrEqual(SEEDED_ROWS);
    expect(json.find((r) => r.统一社会信用代码 === firstCompany.统一社会信用代码)?.企业名称).toBe(firstCompany.企业名称);
    const lines = (await (await fetch(urls.JSONL)).text()).trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(SEEDED_ROWS);
    expect(JSON.parse(lines[0])).toHaveProperty('企业名称');
    const xmlRes = await fetch(urls.XML);
    expect(xmlRes.headers.get('content-type')).toMatch(/^application\/xml/);
    const xml = await xmlRes.text();
    expect(xml.match(/<record>/g)!.length).toBeGreaterThanOrEqual(SEEDED_ROWS);
    expect(xml).toContain(`<field name="企业名称">${firstCompany.企业名称}</field>`);
  });

  test('000 §20: XLSX opens in a spreadsheet with its header row and every record', async () => {
    const res = await fetch(urls.XLSX);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, '统一社会信用代码', '企业名称', '法定代表人', '住所']);
    expect(ws.rowCount - 1).toBeGreaterThanOrEqual(SEEDED_ROWS);
  });

  test('000 §20: the same file through the graph, anonymously', async () => {
    const res = await gql(null, FILE, { id: LP_DATASET, format: 'CSV', bom: true });
    expect(res.errors).toBeUndefined();
    const f = res.data!.openDatasetFile;
    expect(f.fileName).toBe('襄阳市企业登记基本信息.csv');
    expect(f.encoding).toBe('UTF8');
    expect(f.content.charCodeAt(0)).toBe(0xfeff);
    expect(f.rows).toBeGreaterThanOrEqual(SEEDED_ROWS);
    expect(f.columns).toContain('法定代表人');
    const x = await gql(null, FILE, { id: LP_DATASET, format: 'XLSX' });
    expect(x.data!.openDatasetFile.encoding).toBe('BASE64');
    expect(Buffer.from(x.data!.openDatasetFile.content, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  test('usage statistics: downloads counted per format, with a monthly series, public', async () => {
    const res = await gql(null, 'query($id: ID!) { openDataset(id: $id) { usage { views downloads downloadsByFormat { format count } monthly { month downloads } } } }', { id: LP_DATASET });
    expect(res.errors).toBeUndefined();
    const u = res.data!.openDataset.usage;
    expect(u.downloads).toBeGreaterThanOrEqual(6); // the five formats above, and the graph's files
    expect(u.views).toBeGreaterThanOrEqual(1);
    expect(u.downloadsByFormat.map((f: { format: string }) => f.format)).toEqual(expect.arrayContaining(['CSV', 'JSON', 'JSONL', 'XML', 'XLSX']));
    expect(u.monthly.at(-1).downloads).toBeGreaterThanOrEqual(6);
  });

  test('bad format: a clear 400 / BAD_USER_INPUT naming the field', async () => {
    const res = await fetch(urls.CSV.replace('format=csv', 'format=pdf'));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('conditionally open data is never a bulk download (003 §22)', () => {
  test('003 §22: no distributions, the route and the field refuse', async () => {
    expect(await distributions(CONDITIONAL_DATASET)).toEqual([]);
    const res = await fetch(`${process.env.SUBGRAPH_URL_OPEN_DATA!.replace(/\/graphql$/, '')}/open-data/datasets/${CONDITIONAL_DATASET}/download?format=json`);
    expect(res.status).toBe(403);
    const body = await res.json() as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(body.errors[0].message).toMatch(/003 §22/);
    expect(codes(await gql(null, FILE, { id: CONDITIONAL_DATASET, format: 'JSON' }))).toEqual(['FORBIDDEN']);
  });
});

describe('conditional applications by public users (000 §21, 003 §26)', () => {
  const APPLY = 'mutation($input: OpenDataApplicationInput!) { applyForOpenData(input: $input) { id status decisionDeadline deadlineCalendarOfficial overdue dataset { id name } } }';
  const DECIDE = 'mutation($input: OpenDataDecisionInput!) { decideOpenDataApplication(input: $input) { decisionPending application { id status decisionReason decidedBy } } }';
  const READ = 'query($id: ID!) { openDataApplication(id: $id) { id status decisionDeadline deadlineCalendarOfficial } }';
  const year = new Date().getUTCFullYear();
  const input = (key: string) => ({
    datasetId: CONDITIONAL_DATASET, applicantKind: 'COMPANY', applicantName: '襄阳测试科技有限公司', demandType: '数据分析', description: '食品经营许可数据用于选址分析',
    domain: '市场监管', format: 'JSON', purpose: '商业选址研究', periodFrom: `${year}-01-01`, periodTo: `${year}-12-31`, idempotencyKey: key,
  });

  test('000 §21: a public user applies (a retry returns the same application); the 7-working-day deadline is shown; the provider approves', async () => {
    const key = `od-${Date.now()}-${Math.random()}`;
    const first = await gql('city-public', APPLY, { input: input(key) });
    expect(first.errors).toBeUndefined();
    const again = await gql('city-public', APPLY, { input: input(key) });
    expect(again.data!.applyForOpenData.id).toBe(first.data!.applyForOpenData.id);
    const id = first.data!.applyForOpenData.id;
    expect(first.data!.applyForOpenData).toMatchObject({ status: 'SUBMITTED', overdue: false, dataset: { id: CONDITIONAL_DATASET } });
    const withDeadline = await eventually(() => gql('city-public', READ, { id }), (r) => !!r.data?.openDataApplication?.decisionDeadline);
    expect(typeof withDeadline.data!.openDataApplication.deadlineCalendarOfficial).toBe('boolean');

    expect(codes(await gql('county-scjg-admin', DECIDE, { input: { id, approve: true } }))).toEqual(['FORBIDDEN']); // not the publisher
    expect(codes(await gql('city-scjg-admin', DECIDE, { input: { id, approve: false } }))).toEqual(['BAD_USER_INPUT']); // a refusal needs reasons
    const decided = await gql('city-scjg-admin', DECIDE, { input: { id, approve: true } });
    expect(decided.errors).toBeUndefined();
    const { decisionPending, application } = decided.data!.decideOpenDataApplication;
    if (!decisionPending) expect(application).toMatchObject({ status: 'APPROVED', decidedBy: 'city-scjg-admin' });
    expect((await eventually(() => gql('city-public', READ, { id }), (r) => r.data?.openDataApplication?.status === 'APPROVED')).data!.openDataApplication.status).toBe('APPROVED');
    expect(codes(await gql('city-wjw-user', READ, { id }))).toEqual(['FORBIDDEN']);
  });

  test('000 §21: only conditional datasets take applications; staff cannot apply as the public', async () => {
    expect(codes(await gql('city-public', APPLY, { input: { ...input(`od-${Math.random()}`), datasetId: LP_DATASET } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql('city-scjg-admin', APPLY, { input: input(`od-${Math.random()}`) }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(null, APPLY, { input: input(`od-${Math.random()}`) }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('complaints suspend a dataset at once; feedback is answered (003 §17, §24)', () => {
  const CREATE = 'mutation($input: OpenDatasetInput!) { createOpenDataset(input: $input) { id } }';
  const PUBLISH = 'mutation($id: ID!) { publishOpenDataset(id: $id) { id status } }';
  const COMPLAIN = 'mutation($input: OpenDataCaseInput!) { complainAboutOpenDataset(input: $input) { id type status answerDeadline } }';
  const FEEDBACK = 'mutation($input: OpenDataCaseInput!) { giveOpenDataFeedback(input: $input) { id type qualityIssueId } }';
  const SUSPEND = 'mutation($id: ID!) { suspendOpenDatasetOnComplaint(id: $id) { id suspendedAt } }';
  const ANSWER = 'mutation($input: OpenDataCaseAnswerInput!) { answerOpenDataCase(input: $input) { id status outcome answer } }';
  const CASE = 'query($id: ID!) { openDataCase(id: $id) { id status answerDeadline deadlineCalendarOfficial outcome answer } }';
  const LP_BASE = '00000000-0000-4000-8000-000004206001';

  async function publishedLpDataset(): Promise<{ id: string; csv: string }> {
    const created = await gql('city-scjg-admin', CREATE, {
      input: { resourceId: LP_BASE, name: `企业登记信息（投诉测试 ${Date.now()}）`, openType: 'UNCONDITIONAL', formats: ['CSV'], dataType: '结构化数据', openMode: 'DOWNLOAD', updateFrequency: 'DAILY', theme: '市场监管' },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createOpenDataset.id;
    expect((await gql('city-scjg-admin', PUBLISH, { id })).data!.publishOpenDataset.status).toBe('PUBLISHED');
    return { id, csv: `${process.env.SUBGRAPH_URL_OPEN_DATA!.replace(/\/graphql$/, '')}/open-data/datasets/${id}/download?format=csv` };
  }

  test('003 §17: complaint → the publisher suspends → downloads and the API refused at once → verified and restored → the complainant reads the answer', async () => {
    const ds = await publishedLpDataset();
    expect((await fetch(ds.csv)).status).toBe(200);
    const filed = await gql('city-public', COMPLAIN, { input: { datasetId: ds.id, category: 'PRIVACY', description: '数据中含有法定代表人个人信息', evidence: ['evidence/screenshot-1.png'], idempotencyKey: `c-${Math.random()}` } });
    expect(filed.errors).toBeUndefined();
    const caseId = filed.data!.complainAboutOpenDataset.id;
    expect(codes(await gql('city-gaj-admin', SUSPEND, { id: caseId }))).toEqual(['FORBIDDEN']); // not the publisher

    const suspended = await gql('city-scjg-admin', SUSPEND, { id: caseId });
    expect(suspended.errors).toBeUndefined();
    // The very next request, no waiting: the route and the field both refuse.
    const refused = await fetch(ds.csv);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { errors: Array<{ message: string }> }).errors[0].message).toMatch(/suspended.*003 §17/);
    expect(codes(await gql(null, FILE, { id: ds.id, format: 'CSV' }))).toEqual(['CONFLICT']);
    expect(codes(await gql(null, 'query($id: ID!) { openDatasetRecords(id: $id, first: 1) { endCursor } }', { id: ds.id }))).toEqual(['CONFLICT']); // the API too
    expect((await fetch(`${process.env.SUBGRAPH_URL_OPEN_DATA!.replace(/\/graphql$/, '')}/open-data/api/datasets/${ds.id}/records?first=1`)).status).toBe(409);

    expect(codes(await gql('city-scjg-admin', ANSWER, { input: { id: caseId, answer: '已核实' } }))).toEqual(['BAD_USER_INPUT']); // outcome required
    const answered = await gql('city-scjg-admin', ANSWER, { input: { id: caseId, answer: '经核实，法定代表人姓名已脱敏，恢复开放', outcome: 'RESTORE_AFTER_PROCESSING' } });
    expect(answered.data!.answerOpenDataCase).toMatchObject({ status: 'ANSWERED', outcome: 'RESTORE_AFTER_PROCESSING' });
    expect((await fetch(ds.csv)).status).toBe(200);
    const seen = await eventually(() => gql('city-public', CASE, { id: caseId }), (r) => !!r.data?.openDataCase?.answerDeadline);
    expect(seen.data!.openDataCase).toMatchObject({ status: 'ANSWERED', answer: '经核实，法定代表人姓名已脱敏，恢复开放' });
    expect(seen.data!.openDataCase.answerDeadline).not.toBeNull();
    expect(codes(await gql('county-public', CASE, { id: caseId }))).toEqual(['FORBIDDEN']);
  });

  test('003 §17: TERMINATE withdraws the dataset for good', async () => {
    const ds = await publishedLpDataset();
    const caseId = (await gql('city-public', COMPLAIN, { input: { datasetId: ds.id, category: 'TRADE_SECRET', description: '含商业秘密', idempotencyKey: `c-${Math.random()}` } })).data!.complainAboutOpenDataset.id;
    await gql('city-scjg-admin', SUSPEND, { id: caseId });
    await gql('city-scjg-admin', ANSWER, { input: { id: caseId, answer: '终止开放', outcome: 'TERMINATE' } });
    expect((await fetch(ds.csv)).status).toBe(409);
    expect(codes(await gql('city-scjg-admin', PUBLISH, { id: ds.id }))).toEqual(['CONFLICT']);
  });

  test('003 §24: feedback on wrong data opens a quality issue for the provider; a complaint category is not feedback', async () => {
    expect(codes(await gql('city-public', FEEDBACK, { input: { datasetId: LP_DATASET, category: 'PRIVACY', description: 'x', idempotencyKey: `f-${Math.random()}` } }))).toEqual(['BAD_USER_INPUT']);
    const key = `f-${Math.random()}`;
    const fb = await gql('city-public', FEEDBACK, { input: { datasetId: LP_DATASET, category: 'ERROR_OR_OMISSION', description: '部分企业住所缺失', idempotencyKey: key } });
    expect(fb.errors).toBeUndefined();
    const issueId = fb.data!.giveOpenDataFeedback.qualityIssueId;
    expect(issueId).toBeTruthy();
    const issue = await gql('city-scjg-admin', 'query($id: ID!) { qualityIssue(id: $id) { id departmentId description } }', { id: issueId });
    expect(issue.data!.qualityIssue).toMatchObject({ id: issueId, departmentId: '420600-scjg' });
    expect((await gql('city-public', FEEDBACK, { input: { datasetId: LP_DATASET, category: 'ERROR_OR_OMISSION', description: '部分企业住所缺失', idempotencyKey: key } })).data!.giveOpenDataFeedback.qualityIssueId).toBe(issueId);
    const answered = await gql('city-scjg-admin', ANSWER, { input: { id: fb.data!.giveOpenDataFeedback.id, answer: '已转质量问题处理' } });
    expect(answered.data!.answerOpenDataCase.status).toBe('ANSWERED');
  });
});

describe('showcase (003 §29) and public demand (003 §19, 001 §28)', () => {
  const SUBMIT = 'mutation($input: ShowcaseInput!) { submitShowcase(input: $input) { id status featured } }';
  const REVIEW = 'mutation($input: ShowcaseReviewInput!) { reviewShowcase(input: $input) { id status } }';
  const FEATURE = 'mutation($id: ID!, $f: Boolean!) { featureShowcase(id: $id, featured: $f) { id featured } }';
  const SHOWCASES = 'query($status: ShowcaseStatus) { showcases(status: $status, first: 100) { edges { node { id name featured } } } }';
  const RAISE = 'mutation($input: OpenDataDemandInput!) { raiseOpenDataDemand(input: $input) { id requestCount status } }';
  const SUPPORT = 'mutation($id: ID!) { supportOpenDataDemand(id: $id) { id requestCount } }';
  const REVIEW_DEMAND = 'mutation($input: OpenDataDemandReviewInput!) { reviewOpenDataDemand(input: $input) { id status reason reconsiderationAnswer } }';
  const RECONSIDER = 'mutation($id: ID!, $r: String!) { reconsiderOpenDataDemand(id: $id, request: $r) { id status } }';
  const DEMANDS = 'query { openDataDemands(first: 100) { edges { node { id title requestCount status } } } }';

  test('003 §29: a case is shown only after the operator approves it; the authority features it', async () => {
    const name = `襄阳企业地图 ${Date.now()}`;
    const s = await gql('city-public', SUBMIT, { input: { name, description: '基于企业登记开放数据的地图应用', link: 'https://example.org/map', datasetIds: [LP_DATASET], idempotencyKey: `s-${Math.random()}` } });
    expect(s.errors).toBeUndefined();
    const id = s.data!.submitShowcase.id;
    const shown = async () => (await gql(null, SHOWCASES, {})).data!.showcases.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(await shown()).not.toContain(id);
    expect(codes(await gql('city-public', REVIEW, { input: { id, approve: true } }))).toEqual(['FORBIDDEN']);
    expect((await gql('city-operator', REVIEW, { input: { id, approve: true } })).data!.reviewShowcase.status).toBe('APPROVED');
    expect(await shown()).toContain(id);
    expect((await gql('city-authority', FEATURE, { id, f: true })).data!.featureShowcase.featured).toBe(true);
    expect(codes(await gql('city-public', SUBMIT, { input: { name, description: 'x', link: 'javascript:alert(1)', datasetIds: [LP_DATASET], idempotencyKey: `s-${Math.random()}` } }))).toEqual(['BAD_USER_INPUT']);
  });

  test('003 §19, 001 §28: a demand is counted once per user; refused with reasons; reconsidered on request; approved', async () => {
    const title = `希望开放公交实时到站数据 ${Date.now()}`;
    const raised = await gql('city-public', RAISE, { input: { title, description: '用于出行应用', regionCode: '420600', idempotencyKey: `d-${Math.random()}` } });
    expect(raised.errors).toBeUndefined();
    const id = raised.data!.raiseOpenDataDemand.id;
    expect((await gql('county-public', SUPPORT, { id })).data!.supportOpenDataDemand.requestCount).toBe(2);
    expect((await gql('county-public', SUPPORT, { id })).data!.supportOpenDataDemand.requestCount).toBe(2); // once per user
    expect((await gql(null, DEMANDS, {})).data!.openDataDemands.edges.find((e: { node: { id: string } }) => e.node.id === id).node.requestCount).toBe(2);

    expect(codes(await gql('county-authority', REVIEW_DEMAND, { input: { id, approve: false, reason: '县级无权' } }))).toEqual(['FORBIDDEN']); // a county does not cover the city
    expect(codes(await gql('city-authority', REVIEW_DEMAND, { input: { id, approve: false } }))).toEqual(['BAD_USER_INPUT']);
    const refused = await gql('city-authority', REVIEW_DEMAND, { input: { id, approve: false, reason: '数据涉及运营企业商业秘密' } });
    expect(refused.data!.reviewOpenDataDemand).toMatchObject({ status: 'REFUSED', reason: '数据涉及运营企业商业秘密' });
    expect(codes(await gql('county-public', RECONSIDER, { id, r: '请复核' }))).toEqual(['FORBIDDEN']); // only the requester
    expect((await gql('city-public', RECONSIDER, { id, r: '公交到站数据不含商业秘密，请复核' })).data!.reconsiderOpenDataDemand.status).toBe('RECONSIDERATION_REQUESTED');
    const approved = await gql('city-authority', REVIEW_DEMAND, { input: { id, approve: true, reason: '经复核，协调公交集团开放' } });
    expect(approved.data!.reviewOpenDataDemand).toMatchObject({ status: 'APPROVED', reconsiderationAnswer: '经复核，协调公交集团开放' });
  });
});

describe('harvesting: the open catalog as DCAT and data.json (issue 10 §10)', () => {
  const base = () => process.env.SUBGRAPH_URL_OPEN_DATA!.replace(/\/graphql$/, '');
  const DCAT = 'http://www.w3.org/ns/dcat#';
  const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

  async function openCatalogCount(): Promise<number> {
    const res = await gql(null, 'query { openDatasets(first: 1) { totalCount } }');
    return res.data!.openDatasets.totalCount;
  }

  test('DCAT-AP Turtle parses, holds one dcat:Dataset per published dataset, tags Chinese as zh, and pages like ckanext-dcat expects', async () => {
    const { Parser, Store } = await import('n3');
    const res = await fetch(`${base()}/open-data/catalog.ttl`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/turtle/);
    const store = new Store(new Parser().parse(await res.text()));
    const datasets = store.getSubjects(RDF_TYPE, `${DCAT}Dataset`, null);
    expect(datasets.length).toBe(Math.min(100, await openCatalogCount()));
    const lp = `${base()}/open-data/datasets/${LP_DATASET}`;
    const title = store.getObjects(lp, 'http://purl.org/dc/terms/title', null)[0] as unknown as { value: string; language: string };
    expect(title).toMatchObject({ value: '襄阳市企业登记基本信息', language: 'zh' });
    expect(store.getObjects(null, `${DCAT}downloadURL`, null).map((o) => o.value)).toContain(`${base()}/open-data/datasets/${LP_DATASET}/download?format=csv`);
    expect(store.getObjects(lp, 'http://purl.org/dc/terms/publisher', null)).toHaveLength(1);
    expect(store.getObjects(null, 'http://www.w3.org/ns/hydra/core#totalItems', null)[0].value).toBe(String(await openCatalogCount()));
    const future = await fetch(`${base()}/open-data/catalog.ttl?modified_since=${encodeURIComponent('2999-01-01T00:00:00Z')}`);
    expect(new Store(new Parser().parse(await future.text())).getSubjects(RDF_TYPE, `${DCAT}Dataset`, null)).toHaveLength(0);
    expect((await fetch(`${base()}/open-data/catalog.ttl?modified_since=yesterday`)).status).toBe(400);
  });

  test('JSON-LD and data.json carry the same datasets', async () => {
    const jsonld = (await import('jsonld')).default;
    const doc = await (await fetch(`${base()}/open-data/catalog.jsonld`)).json();
    const nquads = await jsonld.toRDF(doc as object, { format: 'application/n-quads' }) as unknown as string;
    const count = nquads.split('\n').filter((l) => l.includes(RDF_TYPE) && l.includes(`${DCAT}Dataset`)).length;
    expect(count).toBe(Math.min(100, await openCatalogCount()));
    const pod = await (await fetch(`${base()}/open-data/data.json`)).json() as { dataset: Array<{ title: string; accessLevel: string }> };
    expect(pod.dataset.length).toBe(count);
    expect(pod.dataset.find((d) => d.title === '襄阳市企业登记基本信息')?.accessLevel).toBe('public');
  });
});

describe('the data API: cursor pages, personal API keys, rate limits (issue 10 §3, 000 §21, 003 §22)', () => {
  const RECORDS = 'query($id: ID!, $first: Int, $after: String, $items: [String!]) { openDatasetRecords(id: $id, first: $first, after: $after, items: $items) { columns endCursor hasNextPage records { id fields { name value } } } }';
  const CREATE_KEY = 'mutation($name: String!) { createOpenDataApiKey(name: $name, expiresInDays: 30) { secret key { id prefix name expiresAt lastUsedAt } } }';
  const MY_KEYS = 'query { myOpenDataApiKeys { id prefix name lastUsedAt revokedAt } }';
  const REVOKE = 'mutation($id: ID!) { revokeOpenDataApiKey(id: $id) { id revokedAt } }';
  const api = (id: string, q = '') => `${process.env.SUBGRAPH_URL_OPEN_DATA!.replace(/\/graphql$/, '')}/open-data/api/datasets/${id}/records${q}`;

  test('cursor pages through the graph: no overlap, item filter, bad item named', async () => {
    const p1 = await gql(null, RECORDS, { id: LP_DATASET, first: 50 });
    expect(p1.errors).toBeUndefined();
    const a = p1.data!.openDatasetRecords;
    expect(a.records).toHaveLength(50);
    expect(a.hasNextPage).toBe(true);
    const p2 = (await gql(null, RECORDS, { id: LP_DATASET, first: 50, after: a.endCursor })).data!.openDatasetRecords;
    expect(p2.records.some((r: { id: string }) => a.records.some((x: { id: string }) => x.id === r.id))).toBe(false);
    const only = (await gql(null, RECORDS, { id: LP_DATASET, first: 5, items: ['企业名称'] })).data!.openDatasetRecords;
    expect(only.columns).toEqual(['企业名称']);
    expect(only.records[0].fields).toEqual([{ name: '企业名称', value: expect.any(String) }]);
    expect(codes(await gql(null, RECORDS, { id: LP_DATASET, first: 5, items: ['公民身份号码'] }))).toEqual(['BAD_USER_INPUT']);
  });

  test('API key lifecycle: created (secret once), listed without it, used (last use recorded), revoked and refused', async () => {
    const created = await gql('city-public', CREATE_KEY, { name: '我的出行应用' });
    expect(created.errors).toBeUndefined();
    const { secret, key } = created.data!.createOpenDataApiKey;
    expect(secret.startsWith(key.prefix)).toBe(true);
    const listed = (await gql('city-public', MY_KEYS)).data!.myOpenDataApiKeys;
    expect(JSON.stringify(listed)).not.toContain(secret);
    const ok1 = await fetch(api(LP_DATASET, '?first=3&items=企业名称,住所'), { headers: { 'x-api-key': secret } });
    expect(ok1.status).toBe(200);
    const body = await ok1.json() as { data: { records: Array<{ fields: Record<string, string> }>; columns: string[] } };
    expect(body.data.columns).toEqual(['企业名称', '住所']);
    expect(body.data.records).toHaveLength(3);
    expect((await gql('city-public', MY_KEYS)).data!.myOpenDataApiKeys.find((k: { id: string }) => k.id === key.id).lastUsedAt).not.toBeNull();
    expect(codes(await gql('county-public', REVOKE, { id: key.id }))).toEqual(['FORBIDDEN']);
    await gql('city-public', REVOKE, { id: key.id });
    const refused = await fetch(api(LP_DATASET, '?first=1'), { headers: { 'x-api-key': secret } });
    expect(refused.status).toBe(401);
    expect((await fetch(api(LP_DATASET, '?first=1'), { headers: { 'x-api-key': `${key.prefix}.forged` } })).status).toBe(401);
  });

  test('rate limit per key: 429 with Retry-After', async () => {
    const { secret } = (await gql('county-public', CREATE_KEY, { name: '压力测试' })).data!.createOpenDataApiKey;
    const statuses = await Promise.all(Array.from({ length: 70 }, () => fetch(api(LP_DATASET, '?first=1'), { headers: { 'x-api-key': secret } })
      .then(async (r) => ({ status: r.status, retryAfter: r.headers.get('retry-after'), body: await r.text() }))));
    const limited = statuses.filter((s) => s.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(10); // 60 a minute per key
    expect(Number(limited[0].retryAfter)).toBeGreaterThan(0);
    expect(statuses.filter((s) => s.status === 200).length).toBeLessThanOrEqual(60);
  });

  test('000 §21, 003 §22, 003 §26: conditional data through the API only, to the approved applicant, only the items approved', async () => {
    const created = await gql('city-scjg-admin', 'mutation($input: OpenDatasetInput!) { createOpenDataset(input: $input) { id } }', {
      input: { resourceId: '00000000-0000-4000-8000-000004206001', name: `企业登记信息（有条件 ${Date.now()}）`, openType: 'CONDITIONAL', formats: ['JSON'], dataType: '结构化数据', openMode: 'API', updateFrequency: 'DAILY', theme: '市场监管' },
    });
    const id = created.data!.createOpenDataset.id;
    await gql('city-scjg-admin', 'mutation($id: ID!) { publishOpenDataset(id: $id) { id } }', { id });
    expect(codes(await gql('city-public', RECORDS, { id, first: 5 }))).toEqual(['FORBIDDEN']); // not applied yet
    const year = new Date().getUTCFullYear();
    const app = await gql('city-public', 'mutation($input: OpenDataApplicationInput!) { applyForOpenData(input: $input) { id } }', {
      input: { datasetId: id, applicantKind: 'PERSON', applicantName: '周市民', demandType: '研究', description: '企业分布研究', domain: '经济', format: 'JSON', purpose: '学术研究', items: ['企业名称', '住所'], periodFrom: `${year}-01-01`, periodTo: `${year}-12-31`, idempotencyKey: `a-${Math.random()}` },
    });
    const appId = app.data!.applyForOpenData.id;
    await eventually(() => gql('city-public', 'query($id: ID!) { openDataApplication(id: $id) { decisionDeadline } }', { id: appId }), (r) => !!r.data?.openDataApplication?.decisionDeadline);
    await gql('city-scjg-admin', 'mutation($input: OpenDataDecisionInput!) { decideOpenDataApplication(input: $input) { decisionPending } }', { input: { id: appId, approve: true } });
    const page = await eventually(() => gql('city-public', RECORDS, { id, first: 5 }), (r) => !r.errors);
    expect(page.data!.openDatasetRecords.records).toHaveLength(5);
    expect(page.data!.openDatasetRecords.columns).toEqual(['企业名称', '住所']); // dataset × items × period, as approved
    expect(codes(await gql('city-public', RECORDS, { id, first: 5, items: ['法定代表人'] }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql('county-public', RECORDS, { id, first: 5 }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(null, RECORDS, { id, first: 5 }))).toEqual(['FORBIDDEN']);
    expect((await fetch(`${process.env.SUBGRAPH_URL_OPEN_DATA!.replace(/\/graphql$/, '')}/open-data/datasets/${id}/download?format=json`)).status).toBe(403);
  });
});

describe('conditional GETs: ETag / Last-Modified and 304 on an unchanged dataset (issue 10 §2)', () => {
  const base = () => process.env.SUBGRAPH_URL_OPEN_DATA!.replace(/\/graphql$/, '');
  const csvUrl = () => `${base()}/open-data/datasets/${LP_DATASET}/download?format=csv`;

  test('an unchanged dataset answers 304 to If-None-Match and If-Modified-Since; a new load in sharing changes the ETag', async () => {
    const first = await fetch(csvUrl());
    expect(first.status).toBe(200);
    await first.arrayBuffer();
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(new Date(lastModified).getTime()).not.toBeNaN();
    expect(first.headers.get('cache-control')).toContain('no-cache');

    const same = await fetch(csvUrl(), { headers: { 'if-none-match': etag } });
    expect(same.status).toBe(304);
    expect((await same.arrayBuffer()).byteLength).toBe(0);
    expect((await fetch(csvUrl(), { headers: { 'if-modified-since': lastModified } })).status).toBe(304);
    // Another format or the BOM variant is another representation: its own ETag.
    const bom = await fetch(`${csvUrl()}&bom=1`, { headers: { 'if-none-match': etag } });
    expect(bom.status).toBe(200);
    expect(bom.headers.get('etag')).not.toBe(etag);
    await bom.arrayBuffer();

    // A new load of the catalog entry behind the dataset (the market regulator's own upload through sharing).
    const row = legalPersonRow(900_000 + Math.floor(Math.random() * 90_000));
    const csv = ['统一社会信用代码,企业名称,法定代表人,住所', [row.统一社会信用代码, row.企业名称, row.法定代表人, row.住所].join(',')].join('\n');
    const up = await fetch(`${process.env.SUBGRAPH_URL_SHARING!.replace(/\/graphql$/, '')}/exchange/resources/${LP_RESOURCE}/records?format=csv`, {
      method: 'POST', body: csv, headers: { authorization: `Bearer ${await tokenOf('city-scjg-admin')}` },
    });
    const loaded = await up.json() as { data?: { exchangeLoad: { status: string } } };
    expect(loaded.data?.exchangeLoad.status).toBe('LOADED');

    const changed = await fetch(csvUrl(), { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await changed.text()).toContain(row.企业名称);
    expect((await fetch(csvUrl(), { headers: { 'if-none-match': changed.headers.get('etag')! } })).status).toBe(304);
  });

  test("sharing's data version is for the platform's service accounts only", async () => {
    const url = `${process.env.SUBGRAPH_URL_SHARING!.replace(/\/graphql$/, '')}/internal/exchange/resources/${LP_RESOURCE}/version`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: `Bearer ${await tokenOf('city-scjg-admin')}` } })).status).toBe(403);
  });

  test('a suspended or conditional dataset is refused even with a matching validator (003 §17, §22)', async () => {
    const res = await fetch(`${base()}/open-data/datasets/${CONDITIONAL_DATASET}/download?format=json`, { headers: { 'if-none-match': '*' } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  test('the harvesting documents answer 304 when the catalog has not changed', async () => {
    for (const path of ['catalog.ttl', 'catalog.jsonld', 'data.json']) {
      const first = await fetch(`${base()}/open-data/${path}`);
      expect(first.status).toBe(200);
      await first.arrayBuffer();
      const etag = first.headers.get('etag')!;
      expect(etag).toBeTruthy();
      expect(first.headers.get('last-modified')).toBeTruthy();
      expect((await fetch(`${base()}/open-data/${path}`, { headers: { 'if-none-match': etag } })).status).toBe(304);
      expect((await fetch(`${base()}/open-data/${path}`, { headers: { 'if-modified-since': first.headers.get('last-modified')! } })).status).toBe(304);
    }
  });
});

describe("the county's open catalog rolls up into the city's (003 §19)", () => {
  const COUNTY_DATASET = '00000000-0000-4000-8000-0000000d0005'; // 枣阳市不动产宗地信息, 420683
  const LIST = 'query($f: OpenDatasetFilter, $first: Int) { openDatasets(filter: $f, first: $first) { totalCount edges { node { id regionCode status } } } }';
  const FACETS = 'query($f: OpenDatasetFilter) { openDatasetFacets(filter: $f) { total regions { value count } themes { value count } } }';
  type Node = { id: string; regionCode: string; status: string };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- loosely-shaped response data
  const ids = (r: { data?: Record<string, any> | null; errors?: unknown }) => {
    expect(r.errors).toBeUndefined();
    return (r.data!.openDatasets.edges as Array<{ node: Node }>).map((e) => e.node);
  };

  test("003 §19: the city's catalog lists the county's opened datasets; a county's is its own; the region facet counts both levels", async () => {
    const city = ids(await gql(null, LIST, { f: { regionCode: '420600' }, first: 100 }));
    expect(city.map((n) => n.id)).toEqual(expect.arrayContaining([LP_DATASET, COUNTY_DATASET]));
    const own = ids(await gql(null, LIST, { f: { regionCode: '420600', ownLevelOnly: true }, first: 100 }));
    expect(own.map((n) => n.id)).toContain(LP_DATASET);
    expect(own.some((n) => n.regionCode !== '420600')).toBe(false);
    const county = ids(await gql(null, LIST, { f: { regionCode: '420683' }, first: 100 }));
    expect(county.map((n) => n.id)).toContain(COUNTY_DATASET);
    expect(county.every((n) => n.regionCode === '420683')).toBe(true);

    const all = await gql(null, LIST, { first: 1 });
    const facets = (await gql(null, FACETS, {})).data!.openDatasetFacets;
    expect(facets.total).toBe(all.data!.openDatasets.totalCount);
    expect(facets.regions.map((r: { value: string }) => r.value)).toEqual(expect.arrayContaining(['420600', '420683']));
    expect(facets.themes.find((t: { value: string }) => t.value === '资源环境').count).toBeGreaterThanOrEqual(1);
    expect(codes(await gql(null, FACETS, { f: { regionCode: '4206' } }))).toEqual(['BAD_USER_INPUT']);
  });

  test("003 §19: a county's authority sees its own drafts, the city's authority sees them rolled up, nobody else", async () => {
    const draft = async (who: 'city-scjg-admin' | 'county-scjg-admin') => (await gql(who, 'mutation($input: OpenDatasetInput!) { createOpenDataset(input: $input) { id regionCode } }', {
      input: { name: `待开放目录 ${Date.now()}-${Math.random()}`, openType: 'UNCONDITIONAL', formats: ['CSV'], dataType: '结构化数据', openMode: 'DOWNLOAD', updateFrequency: 'MONTHLY', theme: '市场监管' },
    })).data!.createOpenDataset as { id: string; regionCode: string };
    const countyDraft = await draft('county-scjg-admin');
    const cityDraft = await draft('city-scjg-admin');
    expect(countyDraft.regionCode).toBe('420683');
    const drafts = async (who: 'county-authority' | 'city-authority' | null, regionCode?: string) =>
      ids(await gql(who, LIST, { f: { status: 'DRAFT', ...(regionCode ? { regionCode } : {}) }, first: 100 })).map((n) => n.id);
    expect(await drafts('county-authority')).toContain(countyDraft.id);
    expect(await drafts('county-authority')).not.toContain(cityDraft.id);
    expect(await drafts('city-authority', '420600')).toEqual(expect.arrayContaining([countyDraft.id, cityDraft.id]));
    expect(await drafts('city-authority', '420683')).not.toContain(cityDraft.id);
    expect(await drafts(null)).toEqual([]);
    const countyFacets = (await gql('county-authority', FACETS, { f: { status: 'DRAFT' } })).data!.openDatasetFacets;
    expect(countyFacets.regions.map((r: { value: string }) => r.value)).toEqual(['420683']);
  });
});
