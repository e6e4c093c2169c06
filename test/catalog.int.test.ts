import { codes, gql, uniqueCode } from './support';

const CREATE = `mutation Create($input: DataResourceInput!) {
  createDataResource(input: $input) { id code status departmentId regionCode items { name sensitive } } }`;
const GET = 'query Get($id: ID!) { dataResource(id: $id) { id name status reviewDeadline reviewOverdue } }';
const LIST = 'query List($filter: DataResourceFilter, $first: Int!, $after: String) { dataResources(filter: $filter, first: $first, after: $after) { totalCount edges { cursor node { id code status } } pageInfo { hasNextPage endCursor } } }';
const SUBMIT = 'mutation Submit($id: ID!) { submitDataResource(id: $id) { id status reviewDeadline } }';
const REVIEW = 'mutation Review($id: ID!, $approve: Boolean!, $comment: String) { reviewDataResource(id: $id, approve: $approve, comment: $comment) { id status publishedAt reviewComment } }';
const UPDATE = 'mutation Update($id: ID!, $input: DataResourceInput!) { updateDataResource(id: $id, input: $input) { id name } }';

function entry(code: string, extra: Record<string, unknown> = {}) {
  return {
    code, name: '出生医学证明信息', description: '出生医学证明签发记录', category: 'DEPARTMENT', shareType: 'UNCONDITIONAL',
    openType: 'NOT_OPEN', notOpenReason: '涉及个人信息', sensitivityGrade: 'MEDIUM',
    items: [{ name: '新生儿姓名', type: 'STRING', length: 50, sensitive: true }, { name: '出生日期', type: 'DATE', sensitive: false }],
    ...extra,
  };
}

describe('catalog drafts are scoped by department and region', () => {
  let draftId: string;
  beforeAll(async () => {
    const res = await gql('county-gaj-admin', CREATE, { input: entry(uniqueCode('CTY-DRAFT')) });
    expect(res.errors).toBeUndefined();
    draftId = res.data!.createDataResource.id;
    expect(res.data!.createDataResource).toMatchObject({ status: 'DRAFT', departmentId: '420683-gaj', regionCode: '420683' });
  });

  test('the owning department reads its draft', async () => {
    const res = await gql('county-gaj-admin', GET, { id: draftId });
    expect(res.data?.dataResource?.status).toBe('DRAFT');
  });

  test("a county dept-user cannot read another department's draft (FORBIDDEN), nor find it in lists", async () => {
    const res = await gql('county-wjw-user', GET, { id: draftId });
    expect(codes(res)).toEqual(['FORBIDDEN']);
    const list = await gql('county-wjw-user', LIST, { first: 200, filter: { status: 'DRAFT' } });
    expect(list.errors).toBeUndefined();
    expect(list.data!.dataResources.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(draftId);
  });

  test("another region's department admin cannot read it either", async () => {
    const res = await gql('city-gaj-admin', GET, { id: draftId });
    expect(codes(res)).toEqual(['FORBIDDEN']);
  });

  test('the city authority reads the county draft; so does the county authority', async () => {
    for (const who of ['city-authority', 'county-authority'] as const) {
      const res = await gql(who, GET, { id: draftId });
      expect(res.errors).toBeUndefined();
      expect(res.data?.dataResource?.id).toBe(draftId);
    }
  });

  test('the county authority cannot read city drafts; a county user sees shareable city entries but not NOT_SHARED ones', async () => {
    const cityDraft = await gql('city-gaj-admin', CREATE, { input: entry(uniqueCode('CITY-DRAFT')) });
    const id = cityDraft.data!.createDataResource.id;
    expect(codes(await gql('county-authority', GET, { id }))).toEqual(['FORBIDDEN']);
    const list = await gql('county-wjw-user', LIST, { first: 200, filter: { regionCode: '420600' } });
    const codesSeen = list.data!.dataResources.edges.map((e: { node: { code: string } }) => e.node.code);
    expect(codesSeen).toContain('420600-POP-BASE');
    expect(codesSeen).not.toContain('420600-POP-CRIMINAL');
    expect(list.data!.dataResources.edges.every((e: { node: { status: string } }) => e.node.status === 'PUBLISHED')).toBe(true);
  });

  test('lists page with cursors and no overlap', async () => {
    const first = await gql('city-authority', LIST, { first: 3 });
    expect(first.data!.dataResources.pageInfo.hasNextPage).toBe(true);
    const second = await gql('city-authority', LIST, { first: 3, after: first.data!.dataResources.pageInfo.endCursor });
    const a = first.data!.dataResources.edges.map((e: { node: { id: string } }) => e.node.id);
    const b = second.data!.dataResources.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(b.length).toBeGreaterThan(0);
    expect(a.filter((id: string) => b.includes(id))).toEqual([]);
    const bad = await gql('city-authority', LIST, { first: 3, after: 'garbage' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('catalog input is validated at the edge, naming the field', () => {
  test('004 §7: NOT_SHARED without a legal basis is refused', async () => {
    const res = await gql('city-gaj-admin', CREATE, { input: entry(uniqueCode('NS'), { shareType: 'NOT_SHARED' }) });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'notSharedBasis' });
  });

  test('CONDITIONAL sharing without its conditions is refused', async () => {
    const res = await gql('city-gaj-admin', CREATE, { input: entry(uniqueCode('CS'), { shareType: 'CONDITIONAL' }) });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'shareCondition' });
  });

  test('an over-long name and an empty item list are both named', async () => {
    const res = await gql('city-gaj-admin', CREATE, { input: entry(uniqueCode('LONG'), { name: '长'.repeat(201), items: [] }) });
    const fields = (res.errors?.[0].extensions?.problems as Array<{ field: string }>).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'items']));
  });

  test('a duplicate code is a CONFLICT and leaves the first entry untouched', async () => {
    const code = uniqueCode('DUP');
    const first = await gql('city-gaj-admin', CREATE, { input: entry(code) });
    expect(first.errors).toBeUndefined();
    const second = await gql('city-scjg-admin', CREATE, { input: entry(code, { name: '另一个' }) });
    expect(codes(second)).toEqual(['CONFLICT']);
    const still = await gql('city-gaj-admin', GET, { id: first.data!.createDataResource.id });
    expect(still.data?.dataResource?.name).toBe('出生医学证明信息');
  });
});

describe('review on the Temporal dev server: submit -> authority approves -> published by catalog activity', () => {
  test('000 §9: the full path, and a published entry cannot be edited in place', async () => {
    const created = await gql('city-gaj-admin', CREATE, { input: entry(uniqueCode('REVIEW')) });
    const id = created.data!.createDataResource.id;

    const submitted = await gql('city-gaj-admin', SUBMIT, { id });
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitDataResource.status).toBe('SUBMITTED');
    const again = await gql('city-gaj-admin', SUBMIT, { id }); // a retried submit is harmless
    expect(again.data!.submitDataResource.status).toBe('SUBMITTED');

    expect(codes(await gql('city-gaj-approver', REVIEW, { id, approve: true }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql('county-authority', REVIEW, { id, approve: true }))).toEqual(['FORBIDDEN']);
    const noReason = await gql('city-authority', REVIEW, { id, approve: false });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'comment' });

    const reviewed = await gql('city-authority', REVIEW, { id, approve: true, comment: '同意发布' });
    expect(reviewed.errors).toBeUndefined();
    expect(reviewed.data!.reviewDataResource).toMatchObject({ status: 'PUBLISHED', reviewComment: '同意发布' });
    expect(reviewed.data!.reviewDataResource.publishedAt).toBeTruthy();

    const got = await gql('city-gaj-admin', GET, { id });
    expect(got.data!.dataResource.reviewDeadline).toBeTruthy();
    expect(got.data!.dataResource.reviewOverdue).toBe(false);

    const edit = await gql('city-gaj-admin', UPDATE, { id, input: entry(uniqueCode('EDIT')) });
    expect(codes(edit)).toEqual(['CONFLICT']);
    expect(edit.errors?.[0].message).toMatch(/000 §9/);
  });

  test('rejection returns the entry to draft with the reason', async () => {
    const created = await gql('county-gaj-admin', CREATE, { input: entry(uniqueCode('REJECT')) });
    const id = created.data!.createDataResource.id;
    await gql('county-gaj-admin', SUBMIT, { id });
    const reviewed = await gql('county-authority', REVIEW, { id, approve: false, comment: '信息项不完整' });
    expect(reviewed.errors).toBeUndefined();
    expect(reviewed.data!.reviewDataResource).toMatchObject({ status: 'DRAFT', reviewComment: '信息项不完整' });
  });
});
