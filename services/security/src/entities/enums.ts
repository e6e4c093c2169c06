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
