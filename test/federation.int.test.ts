import { codes, gql } from './support';

describe('one graph over seven subgraphs', () => {
  test('one query spans catalog, open-data, quality and projects and resolves', async () => {
    const res = await gql('city-authority', `query Dept($id: ID!) {
      department(id: $id) {
        id name region { name level }
        openDatasets { name }
        qualityIssues { description status resource { code name } }
        digitalProjects { name }
      }
    }`, { id: '420600-gaj' });
    expect(res.errors).toBeUndefined();
    const d = res.data!.department;
    expect(d).toMatchObject({ id: '420600-gaj', region: { level: 'CITY' } });
    expect(d.qualityIssues.length).toBeGreaterThan(0);
    // every issue's resource is resolved by catalog; the seeded one is on the population base (other suites add newer ones)
    expect(d.qualityIssues.every((i: { resource: { code?: string } | null }) => typeof i.resource?.code === 'string')).toBe(true);
    expect(d.qualityIssues.map((i: { resource: { code: string } }) => i.resource.code)).toContain('420600-POP-BASE');
    expect(d.digitalProjects.length).toBeGreaterThan(0);
  });

  test('a share application resolves its resource and both departments from catalog (sharing -> catalog)', async () => {
    const res = await gql('city-wjw-user', `mutation Apply($input: ShareApplicationInput!) {
      createShareApplication(input: $input) {
        id status resource { code name department { name } } consumerDepartment { id name } providerDepartment { id }
      }
    }`, { input: {
      resourceId: '00000000-0000-4000-8000-000004206000', requestedItems: ['姓名', '公民身份号码'], scenario: '出生医学证明办理',
      purpose: '核验新生儿父母身份', usageMode: 'VERIFY', periodFrom: '2026-12-01', periodTo: '2027-11-30', idempotencyKey: `fed-${Date.now()}`,
    } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createShareApplication).toMatchObject({
      resource: { code: '420600-POP-BASE', department: { name: '襄阳市公安局' } },
      consumerDepartment: { id: '420600-wjw' }, providerDepartment: { id: '420600-gaj' },
    });
  });

  test('the public reads open data without a token, across open-data and catalog', async () => {
    const res = await gql(null, 'query { openDatasets(first: 10) { edges { node { name publisher { name } } } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data!.openDatasets.edges.length).toBeGreaterThan(0);
    expect(res.data!.openDatasets.edges[0].node.publisher.name).toBeTruthy();
  });

  test('assessment data is closed to a department user (FORBIDDEN) and open to an assessor', async () => {
    const q = 'query { assessmentPeriods(first: 5) { totalCount } }';
    expect(codes(await gql('city-wjw-user', q))).toEqual(['FORBIDDEN']);
    const ok = await gql('city-assessor', q);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.assessmentPeriods.totalCount).toBeGreaterThan(0);
  });

  test('the gateway rejects a query deeper than its limit', async () => {
    let sel = 'name';
    for (let i = 0; i < 8; i++) sel = `region { departments { ${sel} } }`;
    const res = await gql('city-authority', `query Deep($id: ID!) { department(id: $id) { ${sel} } }`, { id: '420600-gaj' });
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(res.data ?? null).toBeNull();
  });
});
