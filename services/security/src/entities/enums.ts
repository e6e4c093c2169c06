import { registerEnumType } from 'type-graphql';

/** What was done to the data (004 §33: collection, sharing, query, verification, download, access, update), plus approvals. */
export enum AuditAction {
  COLLECT = 'COLLECT', SHARE = 'SHARE', QUERY = 'QUERY', VERIFY = 'VERIFY', DOWNLOAD = 'DOWNLOAD', ACCESS = 'ACCESS', UPDATE = 'UPDATE', APPROVE = 'APPROVE',
}
export enum AuditOutcome { ALLOWED = 'ALLOWED', DENIED = 'DENIED', FAILED = 'FAILED' }

registerEnumType(AuditAction, { name: 'AuditAction', description: '采集 / 共享 / 查询 / 核验 / 下载 / 访问 / 更新 / 审批 (004 §33)' });
registerEnumType(AuditOutcome, { name: 'AuditOutcome' });
