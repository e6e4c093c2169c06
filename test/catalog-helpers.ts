// Shared by the catalog integration tests: a valid entry, and create/submit/approve through the graph.
import { gql, uniqueCode, type DemoUser } from './support';

export const CREATE = `mutation Create($input: DataResourceInput!) { createDataResource(input: $input) {
  id code name status version departmentId regionCode grade updateCycle format usageModes items { name type length sensitive isSensitive sensitivity } } }`;
export const SUBMIT = 'mutation Submit($id: ID!) { submitDataResource(id: $id) { id status } }';
export const REVIEW = 'mutation Review($id: ID!, $approve: Boolean!, $comment: String) { reviewDataResource(id: $id, approve: $approve, comment: $comment) { id status version } }';
export const GET = `query Get($id: ID!) { dataResource(id: $id) { id code name description status version shareType shareCondition grade sensitivityGrade
  updateCycle mounted mountKind mountEndpoint mountHealth outageReason outageAlternative retiredAt items { name type length sensitivity isSensitive } } }`;

/** A random run of CJK characters: a marker no other test's text contains. */
export function cjkMarker(n = 3): string {
  return Array.from({ length: n }, () => String.fromCharCode(0x4e00 + Math.floor(Math.random() * 0x5000))).join('');
}

export function entry(code: string, extra: Record<string, unknown> = {}) {
  return {
    code, name: '出生医学证明信息', description: '出生医学证明签发记录', category: 'DEPARTMENT', shareType: 'UNCONDITIONAL',
    openType: 'NOT_OPEN', notOpenReason: '涉及个人信息', sensitivityGrade: 'MEDIUM', updateCycle: 'DAILY', format: 'TABLE',
    provisionMode: 'DISTRIBUTION_API', usageModes: ['QUERY'],
    items: [{ name: '新生儿姓名', type: 'STRING', length: 50, sensitivity: 'MEDIUM' }, { name: '出生日期', type: 'DATE', sensitivity: 'NONE' }],
    ...extra,
  };
}

export async function createEntry(who: DemoUser, extra: Record<string, unknown> = {}, prefix = 'T'): Promise<string> {
  const res = await gql(who, CREATE, { input: entry(uniqueCode(prefix), extra) });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.createDataResource.id as string;
}

/** Drafted by `who`, approved by the authority over its region. */
export async function publishedEntry(who: DemoUser, authority: DemoUser, extra: Record<string, unknown> = {}, prefix = 'PUB'): Promise<string> {
  const id = await createEntry(who, extra, prefix);
  const s = await gql(who, SUBMIT, { id });
  if (s.errors) throw new Error(JSON.stringify(s.errors));
  const r = await gql(authority, REVIEW, { id, approve: true, comment: '同意' });
  if (r.errors || r.data!.reviewDataResource.status !== 'PUBLISHED') throw new Error(JSON.stringify(r));
  return id;
}
