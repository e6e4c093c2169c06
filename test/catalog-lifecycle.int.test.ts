// Catalog rules through the gateway with real tokens: fields and validation, change requests and versions, retirement,
// mounting and outages, the negative list, inventory coverage, the responsibility list.
import { auditDrained, codes, gql, uniqueCode } from './support';
import { CREATE, createEntry, entry, GET, publishedEntry } from './catalog-helpers';

const CHANGE = `mutation Change($resourceId: ID!, $input: ChangeRequestInput!) { requestDataResourceChange(resourceId: $resourceId, input: $input) {
  id status basis baseVersion newVersion filedLate reviewDeadline diff { field before after } } }`;
const REVIEW_CHANGE = `mutation RC($id: ID!, $approve: Boolean!, $comment: String) { reviewDataResourceChange(id: $id, approve: $approve, comment: $comment) {
  id status newVersion reviewer reviewComment } }`;
const VERSIONS = 'query V($id: ID!) { dataResourceVersions(resourceId: $id, first: 50) { totalCount edges { node { version snapshotJson } } } }';
const DIFF = 'query D($id: ID!, $a: Int!, $b: Int!) { dataResourceDiff(resourceId: $id, fromVersion: $a, toVersion: $b) { field before after } }';
const UPDATE = 'mutation U($id: ID!, $input: DataResourceInput!) { updateDataResource(id: $id, input: $input) { id } }';
const RETIRE = 'mutation R($id: ID!, $reason: String!) { retireDataResource(id: $id, reason: $reason) { id status retiredAt } }';
const MOUNT = 'mutation M($id: ID!, $input: MountInput!) { mountDataResource(id: $id, input: $input) { id mounted mountKind mountEndpoint mountHealth } }';
const HEALTH = 'mutation H($id: ID!, $up: Boolean!) { reportMountHealth(id: $id, up: $up) { id mountHealth } }';
const OUTAGE = 'mutation O($id: ID!, $input: OutageInput!) { declareOutage(id: $id, input: $input) { id mountHealth outageReason outageAlternative } }';
const END_OUTAGE = 'mutation E($id: ID!) { endOutage(id: $id) { id mountHealth outageAlternative } }';
const NEGATIVE = 'query N($region: String) { negativeList(regionCode: $region, first: 200) { totalCount edges { node { code shareType notSharedBasis } } } }';
const SYSTEM = 'mutation S($input: InformationSystemInput!) { registerInformationSystem(input: $input) { id name departmentId } }';
const COVERAGE = 'query C($d: String, $r: String) { catalogCoverage(departmentId: $d, regionCode: $r) { systems coveredSystems ratio uncovered { id } } }';
const PUBLISH_RESP = 'mutation P($d: String!, $n: String!) { publishResponsibilityItem(departmentId: $d, name: $n) { id name departmentId } }';
const LINK_RESP = 'mutation L($id: ID!, $r: ID!) { linkResponsibilityItem(id: $id, resourceId: $r) { id resourceId } }';
const RESP_LIST = 'query RL($d: String!) { responsibilityList(departmentId: $d, first: 200) { totalCount edges { node { id name catalogued mounted } } } }';

function fieldsOf(res: { errors?: Array<{ extensions?: Record<string, unknown> }> }): string[] {
  return ((res.errors?.[0]?.extensions?.problems ?? []) as Array<{ field: string }>).map((p) => p.field);
}

describe('DataResource fields and validation (002 §2(1), 001 临湘资源办法 §8)', () => {
  test('001 §19-20, 002 §2(1): every field of the entry round-trips, and isSensitive is derived from the item grade', async () => {
    const res = await gql('city-gaj-admin', CREATE, { input: entry(uniqueCode('FIELDS'), { updateCycle: 'MONTHLY', format: 'API', usageModes: ['VERIFY', 'QUERY'], serviceItem: '出生医学证明办理' }) });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createDataResource).toMatchObject({ grade: 'MEDIUM', updateCycle: 'MONTHLY', format: 'API', usageModes: ['VERIFY', 'QUERY'] });
    expect(res.data!.createDataResource.items).toEqual([
      { name: '新生儿姓名', type: 'STRING', length: 50, sensitive: true, isSensitive: true, sensitivity: 'MEDIUM' },
      { name: '出生日期', type: 'DATE', length: null, sensitive: false, isSensitive: false, sensitivity: 'NONE' },
    ]);
  });

  test('000 §8: a missing grade is refused naming sensitivityGrade', async () => {
    const res = await gql('city-gaj-admin', CREATE, { input: entry(uniqueCode('NOGRADE'), { sensitivityGrade: null }) });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sensitivityGrade' });
  });

  test('000 §8: an item more sensitive than the resource grade is refused naming the item', async () => {
    const res = await gql('city-gaj-admin', CREATE, { input: entry(uniqueCode('ITEMHI'), { sensitivityGrade: 'LOW' }) });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res)).toEqual(['items.0.sensitivity']);
  });

  test('NOT_OPEN without a reason, THEME without a theme: each named', async () => {
    const res = await gql('city-gaj-admin', CREATE, { input: entry(uniqueCode('NOREASON'), { notOpenReason: null, category: 'THEME' }) });
    expect(fieldsOf(res)).toEqual(expect.arrayContaining(['notOpenReason', 'theme']));
  });

  test("002 §2(3): the source system must be in the department's own inventory", async () => {
    const sys = await gql('city-scjg-admin', SYSTEM, { input: { name: `登记系统-${uniqueCode('S')}` } });
    const res = await gql('city-gaj-admin', CREATE, { input: entry(uniqueCode('SRC'), { sourceSystemId: sys.data!.registerInformationSystem.id }) });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sourceSystemId' });
  });
});

describe('000 §9: published entries change only by reviewed change requests, and every version stays', () => {
  let id: string;
  beforeAll(async () => { id = await publishedEntry('city-gaj-admin', 'city-authority'); });

  test('000 §9: a published entry cannot be edited in place', async () => {
    const res = await gql('city-gaj-admin', UPDATE, { id, input: entry(uniqueCode('X')) });
    expect(codes(res)).toEqual(['CONFLICT']);
  });

  test('000 §9: a change request with its basis is reviewed and yields version 2; v1 stays; the diff names the fields', async () => {
    const before = await gql('city-gaj-admin', GET, { id });
    const code = before.data!.dataResource.code;
    const proposed = entry(code, {
      name: '出生医学证明信息（新版）', shareType: 'CONDITIONAL', shareCondition: '仅用于户籍登记',
      items: [{ name: '新生儿姓名', type: 'STRING', length: 80, sensitivity: 'MEDIUM' }, { name: '签发机构', type: 'STRING', length: 100, sensitivity: 'NONE' }],
    });
    const noBasisReason = await gql('city-gaj-admin', CHANGE, { resourceId: id, input: { basis: 'FUNCTION_CHANGED', reason: '', entry: proposed } });
    expect(noBasisReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const otherCode = await gql('city-gaj-admin', CHANGE, { resourceId: id, input: { basis: 'FUNCTION_CHANGED', reason: '职能调整', entry: { ...proposed, code: 'OTHER-CODE' } } });
    expect(fieldsOf(otherCode)).toEqual(['entry.code']);
    expect(codes(await gql('city-scjg-admin', CHANGE, { resourceId: id, input: { basis: 'LAW_REVISED', reason: '修法', entry: proposed } }))).toEqual(['FORBIDDEN']);

    const cr = await gql('city-gaj-admin', CHANGE, { resourceId: id, input: { basis: 'LAW_REVISED', reason: '《出生医学证明管理办法》修订', entry: proposed } });
    expect(cr.errors).toBeUndefined();
    expect(cr.data!.requestDataResourceChange).toMatchObject({ status: 'PENDING', basis: 'LAW_REVISED', baseVersion: 1, filedLate: false });
    // the reviewer sees what the change would do
    expect(cr.data!.requestDataResourceChange.diff).toEqual(expect.arrayContaining([{ field: 'shareType', before: 'UNCONDITIONAL', after: 'CONDITIONAL' }]));
    // one open change per entry: a retried request does not open a second one
    expect(codes(await gql('city-gaj-admin', CHANGE, { resourceId: id, input: { basis: 'LAW_REVISED', reason: '重复', entry: proposed } }))).toEqual(['CONFLICT']);
    // the entry stays as published until the authority decides
    expect((await gql('city-gaj-admin', GET, { id })).data!.dataResource).toMatchObject({ version: 1, name: '出生医学证明信息' });

    const crId = cr.data!.requestDataResourceChange.id;
    expect(codes(await gql('county-authority', REVIEW_CHANGE, { id: crId, approve: true }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql('city-gaj-admin', REVIEW_CHANGE, { id: crId, approve: true }))).toEqual(['FORBIDDEN']);
    const approved = await gql('city-authority', REVIEW_CHANGE, { id: crId, approve: true, comment: '同意变更' });
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.reviewDataResourceChange).toMatchObject({ status: 'APPROVED', newVersion: 2, reviewer: 'city-authority' });

    const after = await gql('city-wjw-user', GET, { id });
    expect(after.data!.dataResource).toMatchObject({ version: 2, status: 'PUBLISHED', name: '出生医学证明信息（新版）', shareType: 'CONDITIONAL' });
    // what other subgraphs (sharing) read through catalog
    const shared = await gql('city-wjw-user', 'query S($id: ID!) { dataResource(id: $id) { grade updateCycle region { code name } department { id } items { name type isSensitive } } }', { id });
    expect(shared.data!.dataResource).toMatchObject({ grade: 'MEDIUM', updateCycle: 'DAILY', region: { code: '420600', name: '襄阳市' }, department: { id: '420600-gaj' } });
    expect(shared.data!.dataResource.items).toEqual([{ name: '新生儿姓名', type: 'STRING', isSensitive: true }, { name: '签发机构', type: 'STRING', isSensitive: false }]);
    const versions = await gql('city-wjw-user', VERSIONS, { id });
    expect(versions.data!.dataResourceVersions.totalCount).toBe(2);
    const v1 = versions.data!.dataResourceVersions.edges.map((e: { node: { version: number; snapshotJson: string } }) => e.node).find((n: { version: number }) => n.version === 1);
    expect(JSON.parse(v1.snapshotJson).fields.name).toBe('出生医学证明信息');

    const diff = await gql('city-wjw-user', DIFF, { id, a: 1, b: 2 });
    expect(diff.errors).toBeUndefined();
    expect(diff.data!.dataResourceDiff).toEqual(expect.arrayContaining([
      { field: 'name', before: '出生医学证明信息', after: '出生医学证明信息（新版）' },
      { field: 'shareType', before: 'UNCONDITIONAL', after: 'CONDITIONAL' },
      { field: 'items[新生儿姓名].length', before: '50', after: '80' },
      { field: 'items[出生日期]', before: 'DATE//NONE', after: null },
      { field: 'items[签发机构]', before: null, after: 'STRING/100/NONE' },
    ]));
    expect(diff.data!.dataResourceDiff.map((c: { field: string }) => c.field)).not.toContain('code');
    const bad = await gql('city-wjw-user', DIFF, { id, a: 1, b: 9 });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toVersion' });
  });

  test('a rejected change needs a reason and leaves the entry as it was', async () => {
    const code = (await gql('city-gaj-admin', GET, { id })).data!.dataResource.code;
    const cr = await gql('city-gaj-admin', CHANGE, { resourceId: id, input: { basis: 'SYSTEM_CHANGED', reason: '系统迁移', entry: entry(code, { name: '改名' }) } });
    const crId = cr.data!.requestDataResourceChange.id;
    const noReason = await gql('city-authority', REVIEW_CHANGE, { id: crId, approve: false });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'comment' });
    const rejected = await gql('city-authority', REVIEW_CHANGE, { id: crId, approve: false, comment: '依据不足' });
    expect(rejected.data!.reviewDataResourceChange).toMatchObject({ status: 'REJECTED', newVersion: null });
    expect((await gql('city-gaj-admin', GET, { id })).data!.dataResource).toMatchObject({ version: 2, name: '出生医学证明信息（新版）' });
  });

  test('004 §9: a function change filed more than 15 working days after it happened is flagged late', async () => {
    const other = await publishedEntry('city-gaj-admin', 'city-authority', {}, 'LATE');
    const code = (await gql('city-gaj-admin', GET, { id: other })).data!.dataResource.code;
    const cr = await gql('city-gaj-admin', CHANGE, { resourceId: other, input: { basis: 'FUNCTION_CHANGED', reason: '机构改革', effectiveDate: '2026-01-05', entry: entry(code, { name: '迟报变更' }) } });
    expect(cr.errors).toBeUndefined();
    expect(cr.data!.requestDataResourceChange.filedLate).toBe(true);
    const future = await gql('city-gaj-admin', CHANGE, { resourceId: other, input: { basis: 'FUNCTION_CHANGED', reason: 'x', effectiveDate: '2999-01-01', entry: entry(code) } });
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'effectiveDate' });
  });

  test('retirement: only a published entry, with a reason; versions stay queryable', async () => {
    const other = await publishedEntry('city-gaj-admin', 'city-authority', {}, 'RETIRE');
    expect(codes(await gql('city-scjg-admin', RETIRE, { id: other, reason: '停用' }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql('city-wjw-user', RETIRE, { id: other, reason: '停用' }))).toEqual(['FORBIDDEN']);
    const noReason = await gql('city-gaj-admin', RETIRE, { id: other, reason: ' ' });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const retired = await gql('city-gaj-admin', RETIRE, { id: other, reason: '系统下线' });
    expect(retired.data!.retireDataResource.status).toBe('RETIRED');
    expect((await gql('city-gaj-admin', RETIRE, { id: other, reason: '系统下线' })).data!.retireDataResource.status).toBe('RETIRED');
    expect((await gql('city-gaj-admin', VERSIONS, { id: other })).data!.dataResourceVersions.totalCount).toBe(1);
    const draft = await createEntry('city-gaj-admin');
    expect(codes(await gql('city-gaj-admin', RETIRE, { id: draft, reason: 'x' }))).toEqual(['CONFLICT']);
  });
});

describe('000 §13, §18: mounting and declared outages', () => {
  test('000 §13: a published entry is mounted with its endpoint; the platform reports health', async () => {
    const id = await publishedEntry('city-gaj-admin', 'city-authority', {}, 'MOUNT');
    const draft = await createEntry('city-gaj-admin');
    expect(codes(await gql('city-gaj-admin', MOUNT, { id: draft, input: { kind: 'API', endpoint: 'https://x.gov/api' } }))).toEqual(['CONFLICT']);
    const badUrl = await gql('city-gaj-admin', MOUNT, { id, input: { kind: 'API', endpoint: 'not a url' } });
    expect(badUrl.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endpoint' });
    expect(codes(await gql('city-scjg-admin', MOUNT, { id, input: { kind: 'TABLE', endpoint: 'ods.birth' } }))).toEqual(['FORBIDDEN']);
    const mounted = await gql('city-gaj-admin', MOUNT, { id, input: { kind: 'TABLE', endpoint: 'ods.birth_cert' } });
    expect(mounted.data!.mountDataResource).toMatchObject({ mounted: true, mountKind: 'TABLE', mountEndpoint: 'ods.birth_cert', mountHealth: 'UNKNOWN' });
    expect(codes(await gql('city-gaj-admin', HEALTH, { id, up: true }))).toEqual(['FORBIDDEN']);
    expect((await gql('city-operator', HEALTH, { id, up: true })).data!.reportMountHealth.mountHealth).toBe('UP');
  });

  test('000 §18: an outage must offer an alternative; it is visible to consumers until ended', async () => {
    const id = await publishedEntry('city-gaj-admin', 'city-authority', {}, 'OUTAGE');
    await gql('city-gaj-admin', MOUNT, { id, input: { kind: 'API', endpoint: 'https://exchange.example.gov/birth' } });
    const noAlt = await gql('city-gaj-admin', OUTAGE, { id, input: { reason: '系统升级' } });
    expect(noAlt.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.alternative' });
    const out = await gql('city-gaj-admin', OUTAGE, { id, input: { reason: '系统升级', alternative: '临时通过电子表单申请' } });
    expect(out.data!.declareOutage).toMatchObject({ mountHealth: 'OUTAGE', outageAlternative: '临时通过电子表单申请' });
    const seen = await gql('city-wjw-user', GET, { id });
    expect(seen.data!.dataResource).toMatchObject({ mountHealth: 'OUTAGE', outageReason: '系统升级', outageAlternative: '临时通过电子表单申请' });
    expect(codes(await gql('city-operator', HEALTH, { id, up: true }))).toEqual(['CONFLICT']);
    expect((await gql('city-gaj-admin', END_OUTAGE, { id })).data!.endOutage).toMatchObject({ mountHealth: 'UNKNOWN', outageAlternative: null });
  });
});

describe('three lists (000 §4,7) and coverage (002 §2(3))', () => {
  test('000 §4, 004 §7: the negative list shows NOT_SHARED entries with their basis; the county does not see city ones', async () => {
    const city = await gql('city-wjw-user', NEGATIVE, { region: '420600' });
    const nodes = city.data!.negativeList.edges.map((e: { node: { code: string; shareType: string; notSharedBasis: string } }) => e.node);
    expect(nodes.map((n: { code: string }) => n.code)).toContain('420600-POP-CRIMINAL');
    expect(nodes.every((n: { shareType: string; notSharedBasis: string }) => n.shareType === 'NOT_SHARED' && n.notSharedBasis)).toBe(true);
    const county = await gql('county-wjw-user', NEGATIVE, { region: '420600' });
    expect(county.data!.negativeList.totalCount).toBe(0);
  });

  test('002 §2(3): coverage = systems with a published entry ÷ all systems of the department', async () => {
    // county zrzy has one seeded system with a published entry
    const before = (await gql('county-authority', COVERAGE, { d: '420683-gaj' })).data!.catalogCoverage;
    const sys = await gql('county-gaj-admin', SYSTEM, { input: { name: `户籍系统-${uniqueCode('S')}` } });
    expect(sys.errors).toBeUndefined();
    const sysId = sys.data!.registerInformationSystem.id;
    const mid = (await gql('county-gaj-admin', COVERAGE, { d: '420683-gaj' })).data!.catalogCoverage;
    expect(mid).toMatchObject({ systems: before.systems + 1, coveredSystems: before.coveredSystems });
    expect(mid.uncovered.map((s: { id: string }) => s.id)).toContain(sysId);
    await publishedEntry('county-gaj-admin', 'county-authority', { sourceSystemId: sysId }, 'COVER');
    const after = (await gql('county-gaj-admin', COVERAGE, { d: '420683-gaj' })).data!.catalogCoverage;
    expect(after).toMatchObject({ systems: before.systems + 1, coveredSystems: before.coveredSystems + 1 });
    expect(after.ratio).toBeCloseTo(after.coveredSystems / after.systems);
    expect(codes(await gql('county-wjw-user', COVERAGE, { d: '420683-gaj' }))).toEqual(['FORBIDDEN']);
    const region = (await gql('city-assessor', COVERAGE, { r: '420600' })).data!.catalogCoverage;
    expect(region.systems).toBeGreaterThanOrEqual(after.systems);
    expect(codes(await gql('county-assessor', COVERAGE, { r: '420600' }))).toEqual(['FORBIDDEN']);
  });

  test('000 §4,7: the authority publishes a responsibility list; it shows what is catalogued and mounted', async () => {
    const name = `出生登记数据-${uniqueCode('R')}`;
    expect(codes(await gql('city-gaj-admin', PUBLISH_RESP, { d: '420600-gaj', n: name }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql('county-authority', PUBLISH_RESP, { d: '420600-gaj', n: name }))).toEqual(['FORBIDDEN']);
    const item = await gql('city-authority', PUBLISH_RESP, { d: '420600-gaj', n: name });
    expect(item.errors).toBeUndefined();
    const itemId = item.data!.publishResponsibilityItem.id;
    const line = async () => (await gql('city-wjw-user', RESP_LIST, { d: '420600-gaj' })).data!.responsibilityList.edges
      .map((e: { node: { id: string } }) => e.node).find((n: { id: string }) => n.id === itemId);
    expect(await line()).toMatchObject({ catalogued: false, mounted: false });
    const id = await publishedEntry('city-gaj-admin', 'city-authority', {}, 'RESP');
    expect(codes(await gql('city-scjg-admin', LINK_RESP, { id: itemId, r: id }))).toEqual(['FORBIDDEN']);
    await gql('city-gaj-admin', LINK_RESP, { id: itemId, r: id });
    expect(await line()).toMatchObject({ catalogued: true, mounted: false });
    await gql('city-gaj-admin', MOUNT, { id, input: { kind: 'FILE', endpoint: 'sftp://exchange/birth' } });
    expect(await line()).toMatchObject({ catalogued: true, mounted: true });
    expect(codes(await gql('city-public', RESP_LIST, { d: '420600-gaj' }))).toEqual(['FORBIDDEN']);
  });
});

describe('004 §33: catalog reads of drafts, approvals and exports are audited (no audit record, no data)', () => {
  const RECORDS = 'query R($filter: AuditRecordFilter, $first: Int!) { auditRecords(filter: $filter, first: $first) { edges { node { actor action resourceId detail departmentId source } } } }';
  const EXPORT = 'mutation X($d: String!, $f: SheetFormat!) { exportCatalog(departmentId: $d, format: $f) { filename } }';
  type Rec = { actor: string; action: string; resourceId: string | null; detail: string | null; departmentId: string | null; source: string };
  // The relay ships outbox records to the chain asynchronously: wait until it has, then read the chain.
  const records = async (filter: Record<string, unknown>): Promise<Rec[]> => {
    await auditDrained();
    return (await gql('city-authority', RECORDS, { filter, first: 50 })).data!.auditRecords.edges.map((e: { node: Rec }) => e.node);
  };

  test('004 §33: reading a draft leaves an ACCESS record; the approval leaves an APPROVE record', async () => {
    const id = await createEntry('city-gaj-admin', {}, 'AUD');
    expect((await gql('city-assessor', GET, { id })).data!.dataResource.status).toBe('DRAFT');
    expect(await records({ resourceId: id, action: 'ACCESS' })).toEqual([expect.objectContaining({ actor: 'city-assessor', source: 'catalog', resourceId: id })]);
    await gql('city-gaj-admin', 'mutation S($id: ID!) { submitDataResource(id: $id) { id } }', { id });
    await gql('city-authority', 'mutation A($id: ID!) { reviewDataResource(id: $id, approve: true, comment: "同意") { id } }', { id });
    expect(await records({ resourceId: id, action: 'APPROVE' })).toEqual([expect.objectContaining({ actor: 'city-authority', detail: 'catalog review approve=true' })]);
    // reading the published entry is metadata, not a draft: no further ACCESS record
    await gql('city-wjw-user', GET, { id });
    expect(await records({ resourceId: id, action: 'ACCESS' })).toHaveLength(1);
  });

  test('004 §33: an export is one EXPORT record of the exporting department', async () => {
    await gql('city-zrzy-user', EXPORT, { d: '420600-zrzy', f: 'CSV' });
    const recs = await records({ departmentId: '420600-zrzy', action: 'EXPORT' });
    expect(recs.some((r) => r.actor === 'city-zrzy-user' && /department=420600-zrzy format=CSV rows=\d+/.test(r.detail ?? ''))).toBe(true);
  });
});
