import { registerEnumType } from 'type-graphql';

export enum RegionLevel { CITY = 'CITY', COUNTY = 'COUNTY' }
export enum ResourceCategory { BASE = 'BASE', THEME = 'THEME', DEPARTMENT = 'DEPARTMENT' }
export enum ShareType { UNCONDITIONAL = 'UNCONDITIONAL', CONDITIONAL = 'CONDITIONAL', NOT_SHARED = 'NOT_SHARED' }
export enum OpenType { UNCONDITIONAL = 'UNCONDITIONAL', CONDITIONAL = 'CONDITIONAL', NOT_OPEN = 'NOT_OPEN' }
export enum SensitivityGrade { NONE = 'NONE', LOW = 'LOW', MEDIUM = 'MEDIUM', HIGH = 'HIGH' }
export enum ResourceStatus { DRAFT = 'DRAFT', SUBMITTED = 'SUBMITTED', PUBLISHED = 'PUBLISHED', RETIRED = 'RETIRED' }
export enum ItemType { STRING = 'STRING', INTEGER = 'INTEGER', DECIMAL = 'DECIMAL', DATE = 'DATE', DATETIME = 'DATETIME', BOOLEAN = 'BOOLEAN', BINARY = 'BINARY' }

registerEnumType(RegionLevel, { name: 'RegionLevel' });
registerEnumType(ResourceCategory, { name: 'ResourceCategory', description: 'BASE (population, legal person, geo, credit, e-licence), THEME, DEPARTMENT (004 §15)' });
registerEnumType(ShareType, { name: 'ShareType', description: '无条件共享 / 有条件共享 / 不予共享 (004 §7)' });
registerEnumType(OpenType, { name: 'OpenType', description: '无条件开放 / 有条件开放 / 不予开放' });
registerEnumType(SensitivityGrade, { name: 'SensitivityGrade', description: '不敏感 / 低敏感 / 较敏感 / 敏感 (000 §8)' });
registerEnumType(ResourceStatus, { name: 'ResourceStatus' });
registerEnumType(ItemType, { name: 'DataItemType' });

export enum DataFormat { TABLE = 'TABLE', API = 'API', FILE = 'FILE' }
export enum UpdateCycle { REAL_TIME = 'REAL_TIME', DAILY = 'DAILY', WEEKLY = 'WEEKLY', MONTHLY = 'MONTHLY', QUARTERLY = 'QUARTERLY', YEARLY = 'YEARLY' }
export enum ProvisionMode { SYSTEM_INTEGRATION = 'SYSTEM_INTEGRATION', DISTRIBUTION_API = 'DISTRIBUTION_API', E_FORM = 'E_FORM' }
export enum UsageMode { VERIFY = 'VERIFY', QUERY = 'QUERY', PUSH = 'PUSH' }
export enum MountHealth { UNKNOWN = 'UNKNOWN', UP = 'UP', DOWN = 'DOWN', OUTAGE = 'OUTAGE' }
export enum ChangeBasis {
  LAW_REVISED = 'LAW_REVISED', FUNCTION_CHANGED = 'FUNCTION_CHANGED', SYSTEM_CHANGED = 'SYSTEM_CHANGED',
  /** 001 §21: the authority reclassified a NOT_SHARED entry (filed by sharing, approved in the authority's name). */
  RECLASSIFIED = 'RECLASSIFIED',
}
export enum ChangeStatus { PENDING = 'PENDING', APPROVED = 'APPROVED', REJECTED = 'REJECTED' }
export enum DemandStatus {
  OPEN = 'OPEN', NEGOTIATING = 'NEGOTIATING', AGREED = 'AGREED', ESCALATED = 'ESCALATED', FULFILLED = 'FULFILLED', REFUSED = 'REFUSED',
}
export enum EscalationLevel { NONE = 'NONE', AUTHORITY = 'AUTHORITY', CITY_GOVERNMENT = 'CITY_GOVERNMENT' }
export enum ImportMode { ALL_OR_NOTHING = 'ALL_OR_NOTHING', VALID_ROWS_ONLY = 'VALID_ROWS_ONLY' }
export enum SheetFormat { XLSX = 'XLSX', CSV = 'CSV' }

registerEnumType(DataFormat, { name: 'DataFormat', description: 'table / API / file' });
registerEnumType(UpdateCycle, { name: 'UpdateCycle' });
registerEnumType(ProvisionMode, { name: 'ProvisionMode', description: '系统对接 / 分发接口 / 电子表单 (001 §19)' });
registerEnumType(UsageMode, { name: 'UsageMode', description: '核验 / 查询 / 推送 (001 §20)' });
registerEnumType(MountHealth, { name: 'MountHealth' });
registerEnumType(ChangeBasis, { name: 'ChangeBasis', description: 'why a published entry changes (000 §9, 004 §9)' });
registerEnumType(ChangeStatus, { name: 'ChangeStatus' });
registerEnumType(DemandStatus, { name: 'DemandStatus' });
registerEnumType(EscalationLevel, { name: 'EscalationLevel', description: 'who settles a demand dispute (000 §17): the authority, then the city government' });
registerEnumType(ImportMode, { name: 'ImportMode' });
registerEnumType(SheetFormat, { name: 'SheetFormat' });

/** Sensitivity order of 000 §8. */
export const GRADE_RANK: Record<SensitivityGrade, number> = { NONE: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };
