// Who may do what with catalog entries, with real tokens of the demo users (DOMAIN.md roles; 000 §9, §17; 市县一体化).
import { codes, gql, uniqueCode, type DemoUser } from './support';
import { CREATE, createEntry, entry, GET, publishedEntry, REVIEW, SUBMIT } from './catalog-helpers';

const CHANGE = 'mutation C($resourceId: ID!, $input: ChangeRequestInput!) { requestDataResourceChange(resourceId: $resourceId, input: $input) { id } }';
const RETIRE = 'mutation R($id: ID!, $reason: String!) { retireDataResource(id: $id, reason: $reason) { id status } }';
const LIST = 'query L($first: Int!) { dataResources(first: $first) { totalCount } }';

describe('authorization of catalog entries', () => {
  test('create: only a department administrator; the entry belongs to its own department and region', async () => {
    for (const who of ['city-wjw-user', 'city-gaj-approver', 'city-assessor', 'city-public', 'city-operator', 'city-authority'] as DemoUser[]) {
      expect([who, codes(await gql(who, CREATE, { input: entry(uniqueCode('AZ')) }))]).toEqual([who, ['FORBIDDEN']]);
    }
    expect(codes(await gql(null, CREATE, { input: entry(uniqueCode('AZ')) }))).toEqual(['UNAUTHENTICATED']);
    const res = await gql('county-gaj-admin', CREATE, { input: entry(uniqueCode('AZ')) });
    expect(res.data!.createDataResource).toMatchObject({ departmentId: '420683-gaj', regionCode: '420683' });
  });

  test('submit: only the owning department administrator', async () => {
    const id = await createEntry('city-gaj-admin');
    expect(codes(await gql('city-scjg-admin', SUBMIT, { id }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql('county-gaj-admin', SUBMIT, { id }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql('city-gaj-approver', SUBMIT, { id }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql('city-authority', SUBMIT, { id }))).toEqual(['FORBIDDEN']);
    expect((await gql('city-gaj-admin', SUBMIT, { id })).data!.submitDataResource.status).toBe('SUBMITTED');
  });

  test('review: the authority of a covering region only (the city over a county, not the county over the city)', async () => {
    const cityId = await createEntry('city-gaj-admin');
    await gql('city-gaj-admin', SUBMIT, { id: cityId });
    for (const who of ['county-authority', 'city-operator', 'city-assessor', 'city-gaj-admin'] as DemoUser[]) {
      expect([who, codes(await gql(who, REVIEW, { id: cityId, approve: true }))]).toEqual([who, ['FORBIDDEN']]);
    }
    const countyId = await createEntry('county-gaj-admin');
    await gql('county-gaj-admin', SUBMIT, { id: countyId });
    expect((await gql('city-authority', REVIEW, { id: countyId, approve: true, comment: '市级审核' })).data!.reviewDataResource.status).toBe('PUBLISHED');
  });

  test('000 §9 change and retire: the owning department administrator (retire also the authority over the region)', async () => {
    const id = await publishedEntry('city-gaj-admin', 'city-authority', {}, 'AZC');
    const code = (await gql('city-gaj-admin', GET, { id })).data!.dataResource.code;
    const input = { basis: 'FUNCTION_CHANGED', reason: '职能调整', entry: entry(code) };
    for (const who of ['city-scjg-admin', 'county-gaj-admin', 'city-authority', 'city-wjw-user', 'city-assessor'] as DemoUser[]) {
      expect([who, codes(await gql(who, CHANGE, { resourceId: id, input }))]).toEqual([who, ['FORBIDDEN']]);
    }
    for (const who of ['county-authority', 'city-assessor', 'city-operator', 'county-gaj-admin'] as DemoUser[]) {
      expect([who, codes(await gql(who, RETIRE, { id, reason: '停用' }))]).toEqual([who, ['FORBIDDEN']]);
    }
    expect((await gql('city-authority', RETIRE, { id, reason: '按清单停用' })).data!.retireDataResource.status).toBe('RETIRED');
  });

  test('read: own department drafts; other departments only published; the assessor reads but never writes; the public reads nothing', async () => {
    const draft = await createEntry('city-gaj-admin');
    const pub = await publishedEntry('city-gaj-admin', 'city-authority', {}, 'AZR');
    expect((await gql('city-gaj-approver', GET, { id: draft })).data!.dataResource.status).toBe('DRAFT'); // same department
    expect(codes(await gql('city-scjg-admin', GET, { id: draft }))).toEqual(['FORBIDDEN']);
    expect((await gql('city-scjg-admin', GET, { id: pub })).data!.dataResource.status).toBe('PUBLISHED');
    expect((await gql('city-assessor', GET, { id: draft })).data!.dataResource.status).toBe('DRAFT');
    expect(codes(await gql('county-assessor', GET, { id: draft }))).toEqual(['FORBIDDEN']);
    expect((await gql('county-wjw-user', GET, { id: pub })).data!.dataResource.status).toBe('PUBLISHED');
    expect(codes(await gql('city-public', GET, { id: pub }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql('city-public', LIST, { first: 5 }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(null, LIST, { first: 5 }))).toEqual(['UNAUTHENTICATED']);
  });
});
