// Demand list (000 §17) on the Temporal dev server: ask → answer → negotiate → disagree → authority → city government →
// agreement → the holder publishes and mounts the entry.
import { codes, eventually, gql, uniqueCode } from './support';
import { publishedEntry } from './catalog-helpers';

const RAISE = `mutation R($input: DemandInputType!) { raiseDemand(input: $input) { id status escalationLevel holderDepartmentId requesterDepartmentId deadline } }`;
const POST = 'mutation P($id: ID!, $body: String!) { postDemandMessage(id: $id, body: $body) { id status } }';
const CONCLUDE = 'mutation C($id: ID!, $agreed: Boolean!, $note: String) { concludeDemandNegotiation(id: $id, agreed: $agreed, note: $note) { id status escalationLevel } }';
const ARBITRATE = 'mutation A($id: ID!, $d: ArbitrationDecision!, $note: String!) { arbitrateDemand(id: $id, decision: $d, note: $note) { id status escalationLevel resolution } }';
const FULFIL = 'mutation F($id: ID!, $r: ID!) { fulfilDemand(id: $id, resourceId: $r) { id status resourceId } }';
const GET = `query G($id: ID!) { demand(id: $id) { id status escalationLevel deadline answerOverdue resourceId
  messages(first: 50) { totalCount edges { node { kind author body } } } } }`;
const LIST = 'query L($level: EscalationLevel) { demands(escalationLevel: $level, first: 200) { edges { node { id } } } }';
const MOUNT = 'mutation M($id: ID!, $input: MountInput!) { mountDataResource(id: $id, input: $input) { id mounted } }';


function demandInput(extra: Record<string, unknown> = {}) {
  return { holderDepartmentId: '420600-gaj', title: `新生儿户籍登记数据-${uniqueCode('D')}`, description: '办理出生医学证明需核验户籍登记', items: ['姓名', '户号'], ...extra };
}

describe('000 §17: the demand list', () => {
  test('input is checked naming the field; only departments raise demands', async () => {
    const self = await gql('city-gaj-admin', RAISE, { input: demandInput() });
    expect(self.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'holderDepartmentId' });
    const unknown = await gql('city-wjw-user', RAISE, { input: demandInput({ holderDepartmentId: '999999-xxx' }) });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'holderDepartmentId' });
    expect(codes(await gql('city-public', RAISE, { input: demandInput() }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql('city-assessor', RAISE, { input: demandInput() }))).toEqual(['FORBIDDEN']);
  });

  test('000 §17: holder answers, sides disagree, the authority refers it to the city government, which decides; the holder publishes and mounts', async () => {
    const input = demandInput();
    const raised = await gql('city-wjw-user', RAISE, { input });
    expect(raised.errors).toBeUndefined();
    const id = raised.data!.raiseDemand.id;
    expect(raised.data!.raiseDemand).toMatchObject({ status: 'OPEN', escalationLevel: 'NONE', requesterDepartmentId: '420600-wjw' });
    // a retried raise returns the same open demand (one workflow per business key)
    expect((await gql('city-wjw-user', RAISE, { input })).data!.raiseDemand.id).toBe(id);
    // the holder's answer deadline is recorded by the workflow
    expect((await eventually(() => gql('city-gaj-admin', GET, { id }), (r) => !!r.data?.demand?.deadline)).data!.demand.deadline).toBeTruthy();

    expect(codes(await gql('city-scjg-admin', POST, { id, body: '无关部门' }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql('city-gaj-approver', POST, { id, body: '审核员不代答' }))).toEqual(['FORBIDDEN']);
    expect((await gql('city-gaj-admin', POST, { id, body: '可提供姓名，户号涉及隐私' })).data!.postDemandMessage.status).toBe('NEGOTIATING');
    expect((await gql('city-wjw-user', POST, { id, body: '户号为办理必需' })).data!.postDemandMessage.status).toBe('NEGOTIATING');

    const noNote = await gql('city-gaj-admin', CONCLUDE, { id, agreed: false });
    expect(noNote.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    expect(codes(await gql('city-wjw-user', CONCLUDE, { id, agreed: false, note: 'x' }))).toEqual(['FORBIDDEN']); // a dept-user does not conclude
    const disputed = await gql('city-gaj-admin', CONCLUDE, { id, agreed: false, note: '户号不予提供' });
    expect(disputed.data!.concludeDemandNegotiation).toMatchObject({ status: 'ESCALATED', escalationLevel: 'AUTHORITY' });
    const before = await gql('city-authority', LIST, { level: 'AUTHORITY' });
    expect(before.data!.demands.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(id);

    expect(codes(await gql('county-authority', ARBITRATE, { id, d: 'PROVIDE', note: 'x' }))).toEqual(['FORBIDDEN']);
    const referred = await gql('city-authority', ARBITRATE, { id, d: 'REFER_TO_CITY_GOVERNMENT', note: '协商未果，报市政府协调' });
    expect(referred.data!.arbitrateDemand).toMatchObject({ status: 'ESCALATED', escalationLevel: 'CITY_GOVERNMENT' });
    const decided = await gql('city-authority', ARBITRATE, { id, d: 'PROVIDE', note: '市政府协调：提供户号用于出生登记' });
    expect(decided.data!.arbitrateDemand).toMatchObject({ status: 'AGREED', escalationLevel: 'CITY_GOVERNMENT' });
    expect(decided.data!.arbitrateDemand.resolution).toMatch(/市政府协调/);

    const resource = await publishedEntry('city-gaj-admin', 'city-authority', { name: '新生儿户籍登记信息' }, 'DEMAND');
    const unmounted = await gql('city-gaj-admin', FULFIL, { id, r: resource });
    expect(unmounted.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'resourceId' });
    await gql('city-gaj-admin', MOUNT, { id: resource, input: { kind: 'API', endpoint: 'https://exchange.example.gov/hukou' } });
    const done = await gql('city-gaj-admin', FULFIL, { id, r: resource });
    expect(done.errors).toBeUndefined();
    expect(done.data!.fulfilDemand).toMatchObject({ status: 'FULFILLED', resourceId: resource });
    const thread = (await gql('city-wjw-user', GET, { id })).data!.demand.messages;
    expect(thread.edges.map((e: { node: { kind: string } }) => e.node.kind).reverse())
      .toEqual(['REQUEST', 'ANSWER', 'MESSAGE', 'DISAGREED', 'REFERRED', 'ARBITRATED', 'FULFILLED']);
    expect(codes(await gql('city-zrzy-user', GET, { id }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql('city-wjw-user', POST, { id, body: '结束后' }))).toEqual(['CONFLICT']);
  });

  test('a county department asks the city holder; the agreement is reached by the two sides', async () => {
    const raised = await gql('county-wjw-user', RAISE, { input: demandInput() });
    const id = raised.data!.raiseDemand.id;
    await gql('city-gaj-admin', POST, { id, body: '同意提供' });
    const agreed = await gql('city-gaj-admin', CONCLUDE, { id, agreed: true, note: '按需提供姓名' });
    expect(agreed.data!.concludeDemandNegotiation).toMatchObject({ status: 'AGREED', escalationLevel: 'NONE' });
    expect((await gql('county-authority', GET, { id })).data!.demand.status).toBe('AGREED');
  });
});
