import { registerEnumType } from 'type-graphql';

export enum QualityIssueSource { INSPECTION = 'INSPECTION', CONSUMER = 'CONSUMER' }
export enum QualityIssueStatus { OPEN = 'OPEN', FIXED = 'FIXED', VERIFIED = 'VERIFIED', REOPENED = 'REOPENED' }

registerEnumType(QualityIssueSource, { name: 'QualityIssueSource', description: "the platform's inspection (000 §14) or a consuming department (001 §24, 004 §24)" });
registerEnumType(QualityIssueStatus, { name: 'QualityIssueStatus', description: 'OPEN -> FIXED (source department) -> VERIFIED (platform), or REOPENED when the fix fails' });
