// A share grant through the real approval (application, submit, three decisions, agreement, capability check): the bench and the soak
// measure calls a consumer makes under a grant it really holds.
import { commonConfig, graphqlRequest, passwordToken } from '@gov/kit';

export const POP = '00000000-0000-4000-8000-000004206000';
const kc = commonConfig().keycloak;
export const token = (u: string) => passwordToken(kc, u, 'Demo-2026');

export async function must<T>(url: string, as: string, q: string, v: Record<string, unknown>): Promise<T> {
  const r = await graphqlRequest<T>(url, q, v, await token(as));
  if (r.errors) throw new Error(`${as}: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}

export async function grant(gw: string, usageMode: string, items: string[]): Promise<string> {
  const F = 'id status stage grantId';
  const { createShareApplication: a } = await must<{ createShareApplication: { id: string } }>(gw, 'city-wjw-user',
    `mutation($i: ShareApplicationInput!) { createShareApplication(input: $i) { ${F} } }`,
    { i: { resourceId: POP, requestedItems: items, scenario: '基准测试', purpose: '吞吐量测量', usageMode, periodFrom: '2026-01-01', periodTo: '2027-12-31' } });
  await must(gw, 'city-wjw-user', `mutation($id: ID!) { submitShareApplication(id: $id) { ${F} } }`, { id: a.id });
  const decide = `mutation($id: ID!, $s: ApprovalStage!) { decideShareApplication(id: $id, stage: $s, approve: true) { ${F} } }`;
  await must(gw, 'city-gaj-approver', decide, { id: a.id, s: 'PROVIDER_REVIEW' });
  await must(gw, 'city-operator', decide, { id: a.id, s: 'FILING' });
  await must(gw, 'city-gaj-admin', decide, { id: a.id, s: 'DELIVERY' });
  const { shareApplication } = await must<{ shareApplication: { grantId: string } }>(gw, 'city-wjw-user', `query($id: ID!) { shareApplication(id: $id) { ${F} } }`, { id: a.id });
  await must(gw, 'city-wjw-user', 'mutation($g: ID!) { signConfidentialityAgreement(grantId: $g) { id } }', { g: shareApplication.grantId });
  // 000 §24: the consumer's security capability check, with its department's (seeded) emergency plan, confirmed by the operator
  const { emergencyPlans } = await must<{ emergencyPlans: { edges: Array<{ node: { id: string } }> } }>(gw, 'city-wjw-user',
    'query($f: EmergencyPlanFilter) { emergencyPlans(filter: $f, first: 1) { edges { node { id } } } }', { f: { departmentId: '420600-wjw' } });
  await must(gw, 'city-wjw-user', 'mutation($g: ID!, $input: SecurityCapabilityInput!) { declareSecurityCapability(grantId: $g, input: $input) { status } }', {
    g: shareApplication.grantId, input: { responsiblePerson: '王安全', systems: ['业务受理系统'], gradeProtectionLevel: 3, emergencyPlanId: emergencyPlans.edges[0].node.id },
  });
  await must(gw, 'city-operator', 'mutation($g: ID!) { confirmSecurityCapability(grantId: $g, passed: true) { status } }', { g: shareApplication.grantId });
  return shareApplication.grantId;
}

