import { registerEnumType } from 'type-graphql';

export enum ShareUsageMode { VERIFY = 'VERIFY', QUERY = 'QUERY', PUSH = 'PUSH' }
// DRAFT -> SUBMITTED (the approval workflow runs; `stage` says which step) -> GRANTED | REJECTED | WITHDRAWN.
// A rejection can be DISPUTED (the authority arbitrates, 001 §21).
export enum ShareApplicationStatus {
  DRAFT = 'DRAFT', SUBMITTED = 'SUBMITTED', REJECTED = 'REJECTED', DISPUTED = 'DISPUTED', GRANTED = 'GRANTED', WITHDRAWN = 'WITHDRAWN',
}
export enum ApprovalStage {
  COUNTY_ACCEPT = 'COUNTY_ACCEPT', PROVIDER_REVIEW = 'PROVIDER_REVIEW', CITY_AUTHORITY_REVIEW = 'CITY_AUTHORITY_REVIEW',
  AUTHORITY_DECISION = 'AUTHORITY_DECISION', ARBITRATION = 'ARBITRATION', FILING = 'FILING', DELIVERY = 'DELIVERY',
}
export enum GrantStatus { ACTIVE = 'ACTIVE', REVOKED = 'REVOKED', EXPIRED = 'EXPIRED' }
export enum LoadStatus { RUNNING = 'RUNNING', LOADED = 'LOADED', FAILED = 'FAILED' }

registerEnumType(ShareUsageMode, { name: 'ShareUsageMode', description: '核验 (match / no match, no data leaves the provider) / 查询 / 推送 (001 §20, 004 §23)' });
registerEnumType(ShareApplicationStatus, { name: 'ShareApplicationStatus' });
registerEnumType(ApprovalStage, { name: 'ApprovalStage', description: 'steps of 000 §17 (5/1/1 working days), 004 §22-23 (whole authorisation, 2), county → city' });
registerEnumType(GrantStatus, { name: 'GrantStatus' });
registerEnumType(LoadStatus, { name: 'ExchangeLoadStatus' });
