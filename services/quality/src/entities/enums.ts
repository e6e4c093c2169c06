import { registerEnumType } from 'type-graphql';

export enum QualityIssueSource { INSPECTION = 'INSPECTION', CONSUMER = 'CONSUMER' }
export enum QualityIssueStatus { OPEN = 'OPEN', FIXED = 'FIXED', VERIFIED = 'VERIFIED', REOPENED = 'REOPENED' }
export enum QualityDimension { COMPLETENESS = 'COMPLETENESS', VALIDITY = 'VALIDITY', UNIQUENESS = 'UNIQUENESS', CONSISTENCY = 'CONSISTENCY', TIMELINESS = 'TIMELINESS' }
export enum QualityCheck {
  REQUIRED = 'REQUIRED', TYPE = 'TYPE', MAX_LENGTH = 'MAX_LENGTH', PATTERN = 'PATTERN', CODE_LIST = 'CODE_LIST', RANGE = 'RANGE', DATE = 'DATE',
  ID_NUMBER = 'ID_NUMBER', USCC = 'USCC', UNIQUE = 'UNIQUE', ID_BIRTH_DATE = 'ID_BIRTH_DATE', EXISTS_IN = 'EXISTS_IN', FRESHNESS = 'FRESHNESS',
}
export enum InspectionTrigger { SCHEDULE = 'SCHEDULE', ON_DEMAND = 'ON_DEMAND', LOAD = 'LOAD' }
export enum InspectionStatus { RUNNING = 'RUNNING', DONE = 'DONE', FAILED = 'FAILED' }
export enum ObjectionGround { WRONG = 'WRONG', INCOMPLETE = 'INCOMPLETE', PRIVACY = 'PRIVACY', TRADE_SECRET = 'TRADE_SECRET' }
export enum ObjectionStatus { RECEIVED = 'RECEIVED', SUSPENDED = 'SUSPENDED', DECIDED = 'DECIDED', ANSWERED = 'ANSWERED' }
export enum ObjectionDecision { WITHDRAW = 'WITHDRAW', FIX = 'FIX', RESTORE = 'RESTORE' }

registerEnumType(QualityIssueSource, { name: 'QualityIssueSource', description: "the platform's inspection (000 §14) or a consuming department (001 §24, 004 §24)" });
registerEnumType(QualityIssueStatus, { name: 'QualityIssueStatus', description: 'OPEN -> FIXED (source department) -> VERIFIED (platform), or REOPENED when the fix fails' });
registerEnumType(QualityDimension, { name: 'QualityDimension', description: 'the five dimensions of an inspection (000 §14)' });
registerEnumType(QualityCheck, { name: 'QualityCheck', description: 'what a rule checks; its dimension follows from it' });
registerEnumType(InspectionTrigger, { name: 'InspectionTrigger' });
registerEnumType(InspectionStatus, { name: 'InspectionStatus' });
registerEnumType(ObjectionGround, { name: 'ObjectionGround', description: 'wrong, incomplete, or infringes privacy or a trade secret (000 §26)' });
registerEnumType(ObjectionStatus, { name: 'ObjectionStatus', description: 'RECEIVED -> SUSPENDED (authority) -> DECIDED (department: withdraw/fix/restore) -> ANSWERED (objector told)' });
registerEnumType(ObjectionDecision, { name: 'ObjectionDecision', description: "the department's verdict after verifying (000 §26)" });
