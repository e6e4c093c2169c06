import { registerEnumType } from 'type-graphql';

/**
 * What was done to the data (004 §33: collection, sharing, query, verification, download, access, update), plus
 * approvals, exports and imports. The same names as kit's `AuditAction` (the type other subgraphs report with).
 */
export enum AuditAction {
  COLLECT = 'COLLECT', SHARE = 'SHARE', QUERY = 'QUERY', VERIFY = 'VERIFY', DOWNLOAD = 'DOWNLOAD', ACCESS = 'ACCESS', UPDATE = 'UPDATE', APPROVE = 'APPROVE',
  EXPORT = 'EXPORT', IMPORT = 'IMPORT',
}
/** kit's `AuditOutcome`. */
export enum AuditOutcome { SUCCESS = 'SUCCESS', DENIED = 'DENIED', FAILURE = 'FAILURE' }

registerEnumType(AuditAction, { name: 'AuditAction', description: '采集 / 共享 / 查询 / 核验 / 下载 / 访问 / 更新 / 审批 / 导出 / 导入 (004 §33)' });
registerEnumType(AuditOutcome, { name: 'AuditOutcome' });

// The same names and values as catalog's SensitivityGrade and sharing's ShareUsageMode: the supergraph merges them.
export enum SensitivityGrade { NONE = 'NONE', LOW = 'LOW', MEDIUM = 'MEDIUM', HIGH = 'HIGH' }
export enum ShareUsageMode { VERIFY = 'VERIFY', QUERY = 'QUERY', PUSH = 'PUSH' }
export enum ItemTreatment { CLEAR = 'CLEAR', MASKED = 'MASKED', WITHHELD = 'WITHHELD' }
export enum IncidentSeverity { LOW = 'LOW', MEDIUM = 'MEDIUM', HIGH = 'HIGH', CRITICAL = 'CRITICAL' }
export enum IncidentStatus { OPEN = 'OPEN', CONTAINED = 'CONTAINED', CLOSED = 'CLOSED' }

registerEnumType(SensitivityGrade, { name: 'SensitivityGrade', description: '不敏感 / 低敏感 / 较敏感 / 敏感 (000 §8)' });
registerEnumType(ShareUsageMode, { name: 'ShareUsageMode', description: '核验 (match / no match, no data leaves the provider) / 查询 / 推送 (001 §20, 004 §23)' });
registerEnumType(ItemTreatment, { name: 'ItemTreatment', description: 'how an item is delivered: in clear, masked (脱敏), or not at all' });
registerEnumType(IncidentSeverity, { name: 'IncidentSeverity', description: '一般 / 较大 / 重大 / 特别重大 security incident' });
registerEnumType(IncidentStatus, { name: 'IncidentStatus' });
