// 001 临湘资源办法 §21 through the gateway with real tokens: a department asks to reclassify a NOT_SHARED resource, the
// providing department gives its opinion, the authority decides; an approval changes the catalog entry through a
// reviewed change (new version, diff, audit), a refusal gives reasons, and the requester sees the outcome.
import { auditDrained, codes, gql, ok, uniqueCode } from './support';
import { entry, GET, publishedEntry } from './catalog-helpers';

const FIELDS = `id status opinionDeadline opinionDeadlineOfficial providerAgrees providerOpinion decidedBy decisionReason newShareType
  catalogChangeRequestId catalogVersion pending`;
const REQUEST = `mutation($r: ID!, $why: String!) { requestReclassification(resourceId: $r, reason: $why) { ${FIELDS} } }`;
const LIST = `query($r: ID, $s: ReclassificationStatus) { reclassificationRequests(resourceId: $r, status: $s, first: 20) { totalCount edges { node { ${FIELDS} } } } }`;
const OPINION = `mutation($id: ID!, $agree: Boolean!, $opinion: String!) { giveReclassificationOpinion(id: $id, agree: $agree, opinion: $opinion) { ${FIELDS} } }`;
const DECIDE = `mutation($id: ID!, $input: ReclassificationDecisionInput!) { decideReclassification(id: $id, input: $input) { ${FIELDS} } }`;
const VERSIONS = 'query($id: ID!) { dataResourceVersions(resourceId: $id, first: 10) { totalCount } }';
const DIFF = 'query($id: ID!, $a: Int!, $b: Int!) { dataResourceDiff(resourceId: $id, fromVersion: $a, toVersion: $b) { field before after } }';
const CHANGES = 'query($r: ID!) { changeRequests(resourceId: $r, first: 10) { edges { node { id basis status reviewer newVersion } } } }';
const NOT_SHARED = { shareType: 'NOT_SHARED', notSharedBasis: '《出生医学证明管理办法》：仅限签发机构使用' };

async function notSharedEntry(): Promise<string> {
  return publishedEntry('city-gaj-admin', 'city-authority', NOT_SHARED, 'RECL');
}

describe('reclassification of a NOT_SHARED resource (001 临湘资源办法 §21)', () => {
  test('001 §21: the provider gives its opinion by a working-day deadline, the authority approves, the catalog publishes a new version with its diff', async () => {
    const resourceId = await notSharedEntry();
    const asked = (await ok('city-wjw-user', REQUEST, { r: resourceId, why: '办理出生登记需核验出生医学证明' })).requestReclassification;
    expect(asked).toMatchObject({ status: 'OPEN', providerAgrees: null, decidedBy: null, pending: false });
    expect(new Date(asked.opinionDeadline).getTime()).toBeGreaterThan(Date.now());
    expect(typeof asked.opinionDeadlineOfficial).toBe('boolean');

    // the authority waits for the provider's opinion until its deadline
    expect(codes(await gql('city-authority', DECIDE, { id: asked.id, input: { approve: true, shareType: 'UNCONDITIONAL' } }))).toEqual(['CONFLICT']);
    // only the providing department gives the opinion
    expect(codes(await gql('city-scjg-admin', OPINION, { id: asked.id, agree: true, opinion: '同意' }))).toEqual(['FORBIDDEN']);
    const listed = (await ok('city-gaj-admin', LIST, { r: resourceId, s: 'OPEN' })).reclassificationRequests;
    expect(listed.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([asked.id]);
    const opinion = (await ok('city-gaj-admin', OPINION, { id: asked.id, agree: true, opinion: '同意在限定场景下有条件共享' })).giveReclassificationOpinion;
    expect(opinion).toMatchObject({ status: 'OPINION_GIVEN', providerAgrees: true });
    expect(codes(await gql('city-gaj-admin', OPINION, { id: asked.id, agree: false, opinion: '再议' }))).toEqual(['CONFLICT']);

    // the authority of a region covering the provider decides; an approval names the new type and its conditions
    expect(codes(await gql('county-authority', DECIDE, { id: asked.id, input: { approve: true, shareType: 'UNCONDITIONAL' } }))).toEqual(['FORBIDDEN']);
    const noType = await gql('city-authority', DECIDE, { id: asked.id, input: { approve: true } });
    expect(noType.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.shareType' });
    const noCondition = await gql('city-authority', DECIDE, { id: asked.id, input: { approve: true, shareType: 'CONDITIONAL' } });
    expect(noCondition.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.shareCondition' });
    const condition = '仅用于出生登记核验';
    const decided = (await ok('city-authority', DECIDE, { id: asked.id, input: { approve: true, shareType: 'CONDITIONAL', shareCondition: condition, reason: '业务确需' } })).decideReclassification;
    expect(decided).toMatchObject({ status: 'APPROVED', decidedBy: 'city-authority', newShareType: 'CONDITIONAL', catalogVersion: 2, pending: false });
    expect(codes(await gql('city-authority', DECIDE, { id: asked.id, input: { approve: false, reason: '再议' } }))).toEqual(['CONFLICT']);

    // catalog: the entry changed through a reviewed change with basis RECLASSIFIED: version 2 and its diff
    expect((await ok('city-wjw-user', GET, { id: resourceId })).dataResource).toMatchObject({ version: 2, status: 'PUBLISHED', shareType: 'CONDITIONAL', shareCondition: condition });
    expect((await ok('city-wjw-user', VERSIONS, { id: resourceId })).dataResourceVersions.totalCount).toBe(2);
    const diff = (await ok('city-wjw-user', DIFF, { id: resourceId, a: 1, b: 2 })).dataResourceDiff;
    expect(diff).toEqual(expect.arrayContaining([
      { field: 'shareType', before: 'NOT_SHARED', after: 'CONDITIONAL' },
      { field: 'shareCondition', before: null, after: condition },
      { field: 'notSharedBasis', before: NOT_SHARED.notSharedBasis, after: null },
    ]));
    expect(diff).toHaveLength(3);
    const changes = (await ok('city-gaj-admin', CHANGES, { r: resourceId })).changeRequests.edges.map((e: { node: unknown }) => e.node);
    expect(changes).toEqual([{ id: decided.catalogChangeRequestId, basis: 'RECLASSIFIED', status: 'APPROVED', reviewer: 'city-authority', newVersion: 2 }]);

    // the requester sees the outcome, and may now apply
    const mine = (await ok('city-wjw-user', LIST, { r: resourceId })).reclassificationRequests.edges[0].node;
    expect(mine).toMatchObject({ status: 'APPROVED', newShareType: 'CONDITIONAL', decisionReason: '业务确需', catalogVersion: 2 });
    const apply = await gql('city-wjw-user', 'mutation($input: ShareApplicationInput!) { createShareApplication(input: $input) { status } }', {
      input: { resourceId, requestedItems: ['新生儿姓名'], scenario: '出生登记', purpose: '核验出生医学证明', usageMode: 'VERIFY', periodFrom: '2026-01-01', periodTo: '2027-12-31', idempotencyKey: uniqueCode('rc') },
    });
    expect(apply.errors).toBeUndefined();

    // audited: the request, the opinion and the decision in sharing, the applied change in catalog
    await auditDrained();
    const RECORDS = 'query($f: AuditRecordFilter, $first: Int!) { auditRecords(filter: $f, first: $first) { edges { node { actor action source detail } } } }';
    const recs = (await ok('city-authority', RECORDS, { f: { resourceId, action: 'APPROVE' }, first: 20 })).auditRecords.edges.map((e: { node: { actor: string; source: string; detail: string } }) => e.node);
    expect(recs).toEqual(expect.arrayContaining([
      expect.objectContaining({ actor: 'city-authority', source: 'sharing', detail: expect.stringContaining(`reclassification ${asked.id} approve=true`) }),
      expect.objectContaining({ source: 'catalog', detail: expect.stringContaining('basis=RECLASSIFIED') }),
    ]));
  });

  test('001 §21: a refusal gives its reasons, the requester sees them and the entry stays NOT_SHARED; departments cannot file RECLASSIFIED themselves', async () => {
    const resourceId = await notSharedEntry();
    const asked = (await ok('city-wjw-user', REQUEST, { r: resourceId, why: '统计分析' })).requestReclassification;
    await ok('city-gaj-approver', OPINION, { id: asked.id, agree: false, opinion: '涉及个人隐私，不宜共享' });
    const noReason = await gql('city-authority', DECIDE, { id: asked.id, input: { approve: false } });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    const refused = (await ok('city-authority', DECIDE, { id: asked.id, input: { approve: false, reason: '法律依据仍然有效，可改用统计汇总数据' } })).decideReclassification;
    expect(refused).toMatchObject({ status: 'REFUSED', newShareType: null, catalogChangeRequestId: null, catalogVersion: null });
    const mine = (await ok('city-wjw-user', LIST, { r: resourceId })).reclassificationRequests.edges[0].node;
    expect(mine).toMatchObject({ status: 'REFUSED', decisionReason: '法律依据仍然有效，可改用统计汇总数据', providerOpinion: '涉及个人隐私，不宜共享' });
    expect((await ok('city-wjw-user', GET, { id: resourceId })).dataResource).toMatchObject({ version: 1, shareType: 'NOT_SHARED' });
    // another department sees nothing of it
    expect((await ok('city-scjg-admin', LIST, { r: resourceId })).reclassificationRequests.totalCount).toBe(0);

    const current = (await ok('city-gaj-admin', 'query($id: ID!) { dataResource(id: $id) { code } }', { id: resourceId })).dataResource;
    const self = await gql('city-gaj-admin', 'mutation($r: ID!, $input: ChangeRequestInput!) { requestDataResourceChange(resourceId: $r, input: $input) { id } }', {
      r: resourceId, input: { basis: 'RECLASSIFIED', reason: '自行改类', entry: { ...entry(current.code), shareType: 'UNCONDITIONAL' } },
    });
    expect(self.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

