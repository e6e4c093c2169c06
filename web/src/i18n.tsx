// Chinese first; an English toggle for the same words. Ant Design's own texts follow via its zh_CN / en_US locale.
import { createContext, useContext } from 'react';

const en: Record<string, string> = {
  政务数据资源平台: 'Government Data Resource Platform', 开放数据: 'Open data', 工作台: 'Console', 目录: 'Catalog', 新建目录: 'New entry', 变更申请: 'Change requests',
  共享申请: 'Share applications', 共享授权: 'Grants', 批量导入: 'Import', 审计日志: 'Audit log', 考核排名: 'Assessment', 登录: 'Log in', 退出: 'Log out',
  搜索数据集: 'Search datasets', 搜索: 'Search', 主题: 'Theme', 发布部门: 'Publisher', 开放类型: 'Open type', 格式: 'Formats', 更新频率: 'Update frequency',
  发布时间: 'Published', 名称: 'Name', 描述: 'Description', 状态: 'Status', 共: 'Total', 条: 'items', 数据项: 'Data items', 类型: 'Type', 长度: 'Length',
  敏感: 'Sensitive', 敏感级别: 'Sensitivity', 接口调用: 'API access', 全部: 'All', 编码: 'Code', 部门: 'Department', 版本: 'Version', 共享类型: 'Share type',
  分级: 'Grade', 审核期限: 'Review deadline', 已逾期: 'Overdue', 提交审核: 'Submit for review', 通过: 'Approve', 驳回: 'Reject', 意见: 'Comment',
  版本对比: 'Compare versions', 字段: 'Field', 变更前: 'Before', 变更后: 'After', 依据: 'Basis', 理由: 'Reason', 申请人: 'Requested by',
  资源: 'Resource', 提供方: 'Provider', 使用方: 'Consumer', 环节: 'Stage', 环节期限: 'Stage deadline', 场景: 'Scenario', 决定: 'Decide',
  驳回理由必填: 'A reason is required to reject', 处理中: 'Pending: the decision is queued and will apply when the workflow runs', 已生效: 'Applied',
  数据项授权: 'Items', 使用方式: 'Usage', 到期: 'Expires', 试用: 'Try out', 查询: 'QUERY', 核验: 'VERIFY', 值: 'Value', 处理方式: 'Treatment', 一致: 'Match', 不一致: 'No match',
  不一致字段: 'Differing fields', 上传文件: 'Upload file', 导入方式: 'Mode', 下载模板: 'Download template', 行: 'Row', 列: 'Column', 原因: 'Reason',
  新增: 'Created', 更新: 'Updated', 已应用: 'Applied', 未应用: 'Not applied', 校验审计链: 'Verify the chain', 链完整: 'Chain intact', 链断裂于: 'Chain broken at',
  已校验: 'Checked', 时间: 'Time', 操作人: 'Actor', 动作: 'Action', 结果: 'Outcome', 考核周期: 'Period', 得分: 'Score', 指标: 'Metric', 保存: 'Save',
  分类: 'Category', 数据格式: 'Format', 提供方式: 'Provision', 不予共享依据: 'Legal basis for NOT_SHARED', 共享条件: 'Share condition', 开放条件说明: 'Reason not open',
  需登录: 'Log in to see this page', 无权限: 'Your roles do not allow this page', 暂无数据: 'No data', 数据集: 'Dataset', 返回: 'Back', 提交: 'Submit',
  县级受理: 'County acceptance', 提供方审核: 'Provider review', 市级主管审核: 'City authority review', 主管部门决定: 'Authority decision', 仲裁: 'Arbitration',
  平台备案: 'Filing', 提供方交付: 'Delivery', 记录: 'Records', 语言: 'Language', 明文: 'Clear text', 掩码: 'Masked', 协议已签: 'Agreement signed', 筛选: 'Filters', 逾期: 'Overdue only',
};

export type Lang = 'zh' | 'en';
export const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({ lang: 'zh', setLang: () => undefined });

export function useT(): (zh: string) => string {
  const { lang } = useContext(LangContext);
  return (zh) => (lang === 'en' ? en[zh] ?? zh : zh);
}
