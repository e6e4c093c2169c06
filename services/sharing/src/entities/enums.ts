import { registerEnumType } from 'type-graphql';

export enum ShareUsageMode { VERIFY = 'VERIFY', QUERY = 'QUERY', PUSH = 'PUSH' }
// The skeleton moves DRAFT -> WITHDRAWN; the review process (issue of the share-application workflow) adds the rest.
export enum ShareApplicationStatus { DRAFT = 'DRAFT', SUBMITTED = 'SUBMITTED', WITHDRAWN = 'WITHDRAWN' }

registerEnumType(ShareUsageMode, { name: 'ShareUsageMode', description: '核验 (match / no match, no data leaves the provider) / 查询 / 推送 (001 §20, 004 §23)' });
registerEnumType(ShareApplicationStatus, { name: 'ShareApplicationStatus' });
