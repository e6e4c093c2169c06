// Search on Chinese text without a full-text ngram parser (bigram token index), facets, region roll-up.
import { gql } from './support';
import { cjkMarker, createEntry, publishedEntry } from './catalog-helpers';

const SEARCH = `query S($filter: DataResourceFilter, $first: Int!, $after: String) { dataResources(filter: $filter, first: $first, after: $after) {
  totalCount edges { node { id name regionCode status } } pageInfo { hasNextPage endCursor } } }`;
const FACETS = 'query F($filter: DataResourceFilter) { dataResourceFacets(filter: $filter) { dimension buckets { value count } } }';
type Node = { id: string; name: string; regionCode: string; status: string };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loosely-shaped response data
const ids = (res: { data?: Record<string, any> | null }): string[] => res.data!.dataResources.edges.map((e: { node: Node }) => e.node.id);

describe('002 §2(1): catalog search works on Chinese text', () => {
  test('"人口" finds the seeded 人口基础信息; "人口 基础" too; "人口 法人" finds nothing of it', async () => {
    const one = await gql('city-wjw-user', SEARCH, { filter: { keyword: '人口' }, first: 50 });
    expect(one.data!.dataResources.edges.map((e: { node: Node }) => e.node.name)).toContain('襄阳市人口基础信息');
    const two = await gql('city-wjw-user', SEARCH, { filter: { keyword: '人口 基础' }, first: 50 });
    expect(two.data!.dataResources.edges.map((e: { node: Node }) => e.node.name)).toContain('襄阳市人口基础信息');
    const none = await gql('city-wjw-user', SEARCH, { filter: { keyword: '人口 法人' }, first: 50 });
    expect(none.data!.dataResources.edges.map((e: { node: Node }) => e.node.name)).not.toContain('襄阳市人口基础信息');
  });

  test('"企业 登记" narrows: both words must match, across name, description and item names', async () => {
    const m = cjkMarker();
    const reg = await createEntry('city-scjg-admin', { name: `${m}企业登记信息`, description: '市场主体登记' });
    const report = await createEntry('city-scjg-admin', { name: `${m}企业年报信息`, description: '年度报告' });
    const indiv = await createEntry('city-scjg-admin', { name: `${m}个体工商户信息`, description: '个体户', items: [{ name: '登记机关', type: 'STRING', sensitivity: 'NONE' }] });
    const byItem = await createEntry('city-scjg-admin', { name: `${m}企业变更信息`, description: '变更', items: [{ name: '登记日期', type: 'DATE', sensitivity: 'NONE' }] });
    const all = ids(await gql('city-scjg-admin', SEARCH, { filter: { keyword: m }, first: 50 }));
    expect(all.sort()).toEqual([reg, report, indiv, byItem].sort());
    const narrowed = ids(await gql('city-scjg-admin', SEARCH, { filter: { keyword: `${m} 企业 登记` }, first: 50 }));
    expect(narrowed.sort()).toEqual([reg, byItem].sort());
    const single = ids(await gql('city-scjg-admin', SEARCH, { filter: { keyword: `${m} 户` }, first: 50 }));
    expect(single).toEqual([indiv]);
  });

  test('facet counts per dimension over the filtered set; paging the same set with cursors', async () => {
    const m = cjkMarker();
    await createEntry('city-scjg-admin', { name: `${m}甲`, shareType: 'CONDITIONAL', shareCondition: '限审批', sensitivityGrade: 'HIGH' });
    await createEntry('city-scjg-admin', { name: `${m}乙` });
    await createEntry('city-scjg-admin', { name: `${m}丙`, category: 'THEME', theme: '营商环境' });
    const f = await gql('city-scjg-admin', FACETS, { filter: { keyword: m } });
    expect(f.errors).toBeUndefined();
    const facet = (d: string) => Object.fromEntries(f.data!.dataResourceFacets.find((x: { dimension: string }) => x.dimension === d).buckets.map((b: { value: string; count: number }) => [b.value, b.count]));
    expect(facet('shareType')).toEqual({ UNCONDITIONAL: 2, CONDITIONAL: 1 });
    expect(facet('grade')).toEqual({ MEDIUM: 2, HIGH: 1 });
    expect(facet('category')).toEqual({ DEPARTMENT: 2, THEME: 1 });
    expect(facet('theme')).toEqual({ 营商环境: 1 });
    expect(facet('departmentId')).toEqual({ '420600-scjg': 3 });
    const narrowed = await gql('city-scjg-admin', FACETS, { filter: { keyword: m, shareType: 'UNCONDITIONAL' } });
    expect(narrowed.data!.dataResourceFacets.find((x: { dimension: string }) => x.dimension === 'grade').buckets).toEqual([{ value: 'MEDIUM', count: 2 }]);
    const p1 = await gql('city-scjg-admin', SEARCH, { filter: { keyword: m }, first: 2 });
    const p2 = await gql('city-scjg-admin', SEARCH, { filter: { keyword: m }, first: 2, after: p1.data!.dataResources.pageInfo.endCursor });
    expect(p1.data!.dataResources.totalCount).toBe(3);
    expect([...ids(p1), ...ids(p2)]).toHaveLength(3);
    expect(new Set([...ids(p1), ...ids(p2)]).size).toBe(3);
  });

  test('other users never find a draft through search, nor count it in facets', async () => {
    const m = cjkMarker();
    await createEntry('city-scjg-admin', { name: `${m}草稿` });
    expect((await gql('city-wjw-user', SEARCH, { filter: { keyword: m }, first: 10 })).data!.dataResources.totalCount).toBe(0);
    const f = await gql('city-wjw-user', FACETS, { filter: { keyword: m } });
    expect(f.data!.dataResourceFacets.every((x: { buckets: unknown[] }) => x.buckets.length === 0)).toBe(true);
  });
});

describe('000 §17, §31: region scoping — county catalogs roll up into the city view', () => {
  test('a published county entry appears in the city-wide catalog; the county sees city shareable entries but no city drafts', async () => {
    const m = cjkMarker();
    const county = await publishedEntry('county-gaj-admin', 'county-authority', { name: `${m}县级户籍` }, 'ROLL');
    const cityDraft = await createEntry('city-gaj-admin', { name: `${m}市级草稿` });
    const cityPub = await publishedEntry('city-gaj-admin', 'city-authority', { name: `${m}市级发布` }, 'ROLLC');
    const cityView = ids(await gql('city-wjw-user', SEARCH, { filter: { keyword: m }, first: 50 }));
    expect(cityView).toEqual(expect.arrayContaining([county, cityPub]));
    expect(cityView).not.toContain(cityDraft);
    const countyView = ids(await gql('county-wjw-user', SEARCH, { filter: { keyword: m }, first: 50 }));
    expect(countyView.sort()).toEqual([county, cityPub].sort());
    const f = await gql('city-assessor', FACETS, { filter: { keyword: m, status: 'PUBLISHED' } });
    const regions = f.data!.dataResourceFacets.find((x: { dimension: string }) => x.dimension === 'regionCode').buckets;
    expect(regions).toEqual(expect.arrayContaining([{ value: '420600', count: 1 }, { value: '420683', count: 1 }]));
  });
});
