// Chinese first; an English toggle for the same words. Ant Design's own texts follow via its zh_CN / en_US locale.
import { createContext, useContext } from 'react';

const en: Record<string, string> = {
  政务数据资源平台: 'Government Data Resource Platform', 通知: 'Notifications', 暂无通知: 'No notifications', 未读: 'unread', 全部标为已读: 'Mark all read', 超期督办: 'Escalation', 到期提醒: 'Due within one working day', 开放数据: 'Open data', 工作台: 'Console', 目录: 'Catalog', 新建目录: 'New entry', 变更申请: 'Change requests',
  共享申请: 'Share applications', 共享授权: 'Grants', 批量导入: 'Import', 审计日志: 'Audit log', 考核排名: 'Assessment', 登录: 'Log in', 退出: 'Log out',
  含本地区岗位通知: 'Also notices to my role in my region', 重新启用: 'Enable again', '发给本地区主管部门或平台运营岗位的通知（如超期督办）也推送到此地址': 'Notices addressed to the authority or platform operator of my region (e.g. escalations) are pushed here too',
  搜索数据集: 'Search datasets', 搜索项目名称: 'Search project names', 搜索: 'Search', 主题: 'Theme', 发布部门: 'Publisher', 开放类型: 'Open type', 格式: 'Formats', 更新频率: 'Update frequency',
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

// The portal's and console's newer pages.
Object.assign(en, {
  统计: 'Statistics', 应用展示: 'Showcase', 互动: 'Interact', 我的申请: 'My applications', 'API 密钥': 'API keys', '密钥只显示这一次，请妥善保存': 'The secret is shown only once: keep it safe',
  有效天数: 'Valid for (days)', 创建密钥: 'Create key', 前缀: 'Prefix', 创建时间: 'Created', 最近使用: 'Last used', 已吊销: 'Revoked', 有效: 'Active',
  吊销后该密钥立即失效: 'The key stops working at once', 吊销: 'Revoke', 必填: 'Required', 申请有条件开放数据: 'Apply for conditionally open data', 申请主体: 'Applicant',
  个人: 'Person', 法人或其他组织: 'Company or organisation', 申请主体名称: 'Applicant name', 需求类型: 'Demand type', 应用领域: 'Domain',
  '所需数据项（不选为全部开放项）': 'Items needed (none: every open item)', 需求描述: 'Description of the need', 使用目的: 'Purpose', 使用期限起: 'Use from', 使用期限止: 'Use until',
  提交申请: 'Submit application', 有条件开放: 'Conditionally open', 无条件开放: 'Unconditionally open', 下载: 'Download', 申请: 'Apply', 投诉与反馈: 'Complaints and feedback',
  '登录后可使用个人 API 密钥调用接口': 'Log in to call the API with your personal keys', 有条件开放数据仅对申请已通过的用户返回: 'Conditional data is returned only to approved applicants',
  '我的 API 密钥': 'My API keys', 暂无: 'None', 管理密钥: 'Manage keys', '登录后可提交投诉、反馈和数据需求': 'Log in to file complaints, feedback and data demands',
  '已提交，答复期限': 'Submitted; answer due', '投诉由发布部门在 10 个工作日内答复': 'The publisher answers a complaint within 10 working days',
  '反馈由发布部门在期限内答复；数据错误同时转为质量问题': 'The publisher answers feedback by its deadline; wrong data also opens a quality issue',
  数据需求: 'Data demands', 需求标题: 'Title', 地区: 'Region', 提出需求: 'Raise demand', 我也需要: 'I need it too', 需求人数: 'Requested by', 数据申请: 'Applications',
  使用期限: 'Period of use', 提交时间: 'Submitted', 答复期限: 'Answer due', 查看: 'View', 答复: 'Answer', '已提交，审核通过后展示': 'Submitted: shown once reviewed',
  推荐: 'Featured', 提交应用: 'Submit an application', 链接: 'Link', 使用的数据集: 'Datasets used', 浏览: 'Views', 月度使用: 'Monthly usage', 已发布数据集: 'Published datasets',
  按格式下载: 'Downloads by format', 数据集使用: 'Usage per dataset', 投诉: 'Complaints', 反馈: 'Feedback', 官方日历: 'Official calendar', 暂定日历: 'Provisional calendar',
  '该年度国务院节假日安排未发布，按法定节假日推算': "The State Council has not published that year's holidays: counted on the statutory ones",
  已发布: 'Published', 未发布: 'Not published', 导出: 'Export', 暂无来源: 'No source yet', 来源: 'Source', 权重: 'Weight', 数据异议: 'Objections', 异议人: 'Objector',
  已暂停使用: 'Suspended', 核实期限: 'Verification due', 信息化项目: 'Projects', 年度: 'Year', '预算（元）': 'Budget (CNY)', 逾期环节: 'Overdue steps', 数据质量: 'Data quality',
  质量问题: 'Quality issues', 规则: 'Rule', 第: 'round ', 轮: '', 整改期限: 'Fix due', 个工作日: 'working days', 曾逾期: 'Was overdue', 说明: 'Explanation',
  检查结果: 'Inspection results', 检查: 'Check', 维度: 'Dimension', 检查数: 'Checked', 不合格: 'Failed', 触发: 'Trigger', 记录数: 'Records', 维度得分: 'Dimension scores',
  期限计算中: 'Deadline being set', 待办: 'To-do', 工作日历: 'Working calendar', 共享审批: 'Share decision', 目录审核: 'Catalog review', 变更审核: 'Change review',
  质量整改: 'Quality fix', 整改核验: 'Fix verification', 开放申请审核: 'Open-data application', 投诉反馈答复: 'Complaint / feedback answer', 事项: 'Item', 办理期限: 'Due',
  无期限: 'No deadline', '部分服务暂不可用：': 'Some services are unavailable: ', '这些服务的待办暂未列出，请稍后刷新': 'Their items are not listed; refresh later',
  年度日历: 'calendar', 节假日: 'Holidays', 调休上班日: 'Make-up working days', 加载人: 'Loaded by', 版本历史: 'Versions', 加载官方日历: 'Load the official calendar',
  '该年度官方日历尚未加载：期限按法定节假日暂定推算': "This year's official calendar is not loaded: deadlines are counted provisionally on the statutory holidays",
  'YYYY-MM-DD，以空格、逗号或换行分隔；含假期内的周末': 'YYYY-MM-DD, separated by spaces, commas or lines; include the weekend days inside a holiday',
  开放申请: 'Open-data applications', 已加载年度: 'Loaded years', 核验结果: 'Result', 处理结果: 'Outcome', 答复内容: 'Answer', 整改有效: 'The fix holds', 重新整改: 'Reopen', 核验说明: 'What was checked', 不予开放: 'Refuse', 不予开放须说明理由: 'A refusal needs its reasons', 整改说明: 'Explain / fix',
  如何解释或更正了数据: 'How the data was explained or fixed',
  'YYYY-MM-DD：调休上班的周六或周日': 'YYYY-MM-DD: Saturdays or Sundays worked', 加载: 'Load', 已加载: 'Loaded', 科学研究: 'Research', 商业开发: 'Commercial', 公益服务: 'Public interest', 其他: 'Other',
});

// Objections, projects' steps, security.
Object.assign(en, {
  操作: 'Action', 书面: 'On paper', 暂停使用: 'Suspend', 取消: 'Cancel', '责令暂停采集、共享和开放该数据？': 'Order the department to suspend collecting, sharing and opening this data?',
  核实决定: 'Decide', 答复异议人: 'Answer the objector', 处理决定: 'Decision', 撤回数据: 'Withdraw the data', 更正数据: 'Fix the data', 恢复使用: 'Restore', 核实情况: 'Finding',
  提交申报: 'Submit', 报送建设方案: 'File the construction plan', 抽取专家: 'Draw the expert panel', 计划审核: 'Plan decision', 立项审批: 'Approval',
  预算审核: 'Budget', 变更审批: 'Change decision', '终验（主管部门）': 'Final acceptance (authority)', '终验（财政）': 'Final acceptance (finance)',
  '每年 10 月 30 日前申报下一年度计划；之后申报的列入补充计划，须说明紧急理由': "Next year's plan closes on 30 October; later declarations go to the supplementary plan with their urgency",
  '紧急理由（补充计划）': 'Why it cannot wait (supplementary plan)', 建设方案: 'Construction plan', 资源目录: 'Resource catalog', 新建或改建业务系统: 'A new or rebuilt business system',
  共享开放接口: 'Sharing and open interfaces', 专家人数: 'Panel size', 不通过: 'Refuse', '核定预算（元）': 'Approved budget (CNY)', 不通过须说明理由: 'A refusal needs its reasons',
  数据安全: 'Data security', 应急预案: 'Emergency plans', 安全能力核验: 'Security capability', 演练逾期: 'Drill overdue', 按期演练: 'Drilled on time', 按期: 'On time',
  登记预案: 'Register a plan', 演练记录: 'Drills', 演练日期: 'Drill date', 参与人员: 'Participants', 演练发现: 'Findings', 整改措施: 'Follow-up actions', 记录人: 'Recorded by',
  区域总体预案: 'Region-wide plan', 最近演练: 'Last drill', 未演练: 'Never drilled', 演练到期: 'Drill due', 更新时间: 'Updated', 修订: 'Revise', 记录演练: 'Record a drill',
  预案名称: 'Title', 预案正文: 'Plan text', 修订说明: 'What changed and why', '参与人员（每行一个）': 'Participants (one a line)', '整改措施（每行一项）': 'Follow-up actions (one a line)',
  '授权首次交付前，使用部门须申报数据安全保障能力，经提供部门或平台运营方确认': "Before a grant's first delivery the consumer declares its security measures; the provider or the platform operator confirms them",
  授权状态: 'Grant', 安全能力: 'Security capability', 未申报: 'Not declared', 已申报待确认: 'Declared, to confirm', 核验通过: 'Passed', 核验未通过: 'Failed', 等保: 'MLPS level',
  申报: 'Declare', 确认: 'Confirm', 申报安全能力: 'Declare security capability', 安全管理负责人: 'Security manager', '承载数据的系统（每行一个）': 'Systems holding the data (one a line)',
  等保级别: 'MLPS level', 确认安全能力: 'Confirm security capability',
  已办: 'Done', 范围: 'Scope', 本人办理: 'Done by me', 本部门: 'My department', 本地区: 'My region', 办理人: 'Done by', 办结时间: 'Done at',
  异议暂停: 'Objection: suspend', 异议核实: 'Objection: verify', 异议答复: 'Objection: answer', 项目环节: 'Project step', 应急演练: 'Emergency drill',
  签署协议: 'Sign agreement', 需求答复: 'Demand answer', 需求裁决: 'Demand arbitration', 职能变更备案: 'Function change filing', 分级意见: 'Grading opinion',
  分级决定: 'Grading decision', 考核自评: 'Self-assessment',
  采购备案: 'File procurement', 申请变更: 'Request a change', 等保测评: 'Security assessment', 验收: 'Acceptance', 归档: 'Archive', 待批变更: 'Change waiting',
  采购文件: 'Procurement document', 合同编号: 'Contract no.', 承建单位: 'Contractor', '合同金额（元）': 'Contract amount (CNY)', 运维年限: 'O&M years', 监理单位: 'Supervisor',
  变更内容: 'What changes', 变更理由: 'Why', '变更后预算（元，可不填）': 'New budget (CNY, optional)', 测评机构: 'Assessment agency', 报告编号: 'Report no.', 测评日期: 'Assessed on',
  测评结论: 'Result', 验收通过须目录资源全部发布且等保测评通过: 'Passing needs every catalog entry published and the security assessment passed', 验收结论: 'Result',
  验收报告: 'Acceptance report', 档案编号: 'Archive no.',
  消息推送: 'Webhooks', '发给本部门的通知（待办、决定、超期督办）按 HMAC-SM3 签名推送到登记的地址': "Notices to the department (tasks, decisions, escalations) are posted to its receivers, signed with HMAC-SM3",
  '签名密钥只显示这一次，请妥善保存': 'The signing secret is shown only once: keep it safe', 登记推送地址: 'Register a receiver', 推送地址: 'Receiver URL', 通知类型: 'Notice kinds',
  启用: 'Active', 已停用: 'Disabled', 停用: 'Disable', 删除: 'Remove', '停用后不再推送，待投递的消息取消': 'Nothing more is posted; pending deliveries are cancelled',
  '删除推送地址及其投递记录？': 'Remove the receiver and its delivery history?', '通知类型（不选为全部）': 'Notice kinds (none: all)',
  '签名密钥（不填则自动生成）': 'Signing secret (empty: generated)', 暂无投递记录: 'No deliveries yet', 尝试次数: 'Attempts', 响应码: 'Response code', 最近错误: 'Last error',
  送达时间: 'Delivered at', 下次尝试: 'Next attempt', 决定通知: 'Decisions', 待投递: 'Pending', 已送达: 'Delivered', 投递失败: 'Failed', 已取消: 'Cancelled',
});

// Projects in operation, termination, post-evaluation, the approval gate and the expert pool.
Object.assign(en, {
  技术审查: 'Technical review', 专家评审: 'Expert review', 终止项目: 'Terminate', 运维报告: 'O&M report', 后评价: 'Post-evaluation', 审批考核门槛: 'Approval gate',
  本地区门槛: "Region's gate", 总分: 'Total', 单项指标: 'Each indicator', 考核门槛未达标: 'Below the assessment gate', 终止原因: 'Cause of termination',
  运维报告逾期: 'O&M report overdue', 项目: 'Projects', 专家库: 'Expert pool', '考核门槛未达标：本部门最近一次考核低于本地区审批门槛（004 §35）':
    "Below the assessment gate: the department's latest assessment is under its region's approval gate (004 §35)", 不予通过: 'Refused',
  评审专家组: 'Expert panel', 专家: 'Experts', 抽取: 'Drawn', 随机种子: 'seed', 候选专家: 'eligible experts', 运维年度: 'O&M year', 报送期限: 'Due',
  逾期报送: 'Filed late', 已报送: 'Filed', 待报送: 'To file', 报告摘要: 'Summary', 建设: 'Construction', 应用: 'Use', 效益: 'Effect', 安全: 'Security',
  项目终止: 'Termination', 书面说明: 'Written statement', '各项 0–100 分；总分为四项平均，计入项目单位的考核': "Each 0–100; the total is their mean and counts in the owner department's assessment",
  '项目单位最近一次考核总分或任一指标低于门槛的，立项审批不予通过（004 §35）': "A department whose latest assessment total or any indicator is below the gate has its project approvals refused (004 §35)",
  '最低考核总分（0–100）': 'Lowest total score (0–100)', '单项指标最低值（0–1）': 'Lowest indicator value (0–1)',
  '预算 200 万元及以上的项目由主管部门从专家库随机抽取专家评审，项目单位的专家回避': "Projects of 2,000,000 CNY or more are reviewed by experts the authority draws at random from the pool; the owner department's experts stand aside",
  添加专家: 'Add an expert', 姓名: 'Name', 专业领域: 'Field', 工作单位: 'Employer', 参与抽取: 'In the draw', '填部门编号（如 420600-gaj）时，该部门的项目不抽取此专家': "A department id (e.g. 420600-gaj) keeps the expert off that department's projects",
  '终止后项目不再继续实施，须向主管部门书面说明（§25）': 'A terminated project is not carried on; the authority gets a written statement (§25)',
  '验收归档后每个运维年度报送一次运行维护情况（§29）': 'After acceptance and archiving, one report per O&M year (§29)', 运行维护情况: 'Operation and maintenance',
});

// Codes the graph returns (statuses, categories, kinds): Chinese first, English with the toggle.
const codes: Record<string, [string, string]> = {
  SUBMITTED: ['已提交', 'Submitted'], APPROVED: ['已通过', 'Approved'], REFUSED: ['未通过', 'Refused'], OPEN: ['待处理', 'Open'], ANSWERED: ['已答复', 'Answered'],
  REJECTED: ['已驳回', 'Rejected'], RECONSIDERATION_REQUESTED: ['申请复核', 'Reconsideration requested'], REFUSED_FINAL: ['复核未通过', 'Finally refused'],
  COMPLAINT: ['投诉', 'Complaint'], FEEDBACK: ['反馈', 'Feedback'], PRIVACY: ['侵犯个人隐私', 'Privacy'], TRADE_SECRET: ['侵犯商业秘密', 'Trade secret'],
  WRONG_OPEN_ATTRIBUTE: ['开放属性有误', 'Wrong open attribute'], POOR_QUALITY: ['数据质量差', 'Poor quality'], ERROR_OR_OMISSION: ['数据错误或遗漏', 'Error or omission'],
  UNLAWFUL_CONTENT: ['内容违法', 'Unlawful content'], TERMINATE: ['终止开放', 'Terminate'], RESTORE: ['恢复开放', 'Restore'], RESTORE_AFTER_PROCESSING: ['处理后恢复', 'Restore after processing'],
  REOPENED: ['重新打开', 'Reopened'], FIXED: ['已整改', 'Fixed'], VERIFIED: ['已核验', 'Verified'], INSPECTION: ['质量检查', 'Inspection'], CONSUMER: ['使用方反馈', 'Consumer flag'],
  RECEIVED: ['已受理', 'Received'], SUSPENDED: ['已暂停', 'Suspended'], DECIDED: ['已决定', 'Decided'], WRONG: ['数据错误', 'Wrong'], INCOMPLETE: ['数据不全', 'Incomplete'],
  WITHDRAW: ['撤回', 'Withdraw'], FIX: ['更正', 'Fix'], UNIFIED: ['统建', 'Unified'], SELF_BUILT: ['自建', 'Self-built'],
  PLANNED: ['计划', 'Planned'], SUPPLEMENTARY_SUBMITTED: ['补充申报', 'Supplementary submitted'], PLAN_APPROVED: ['计划已批', 'Plan approved'], TECHNICAL_REVIEW: ['技术审查', 'Technical review'],
  EXPERT_REVIEW: ['专家评审', 'Expert review'], APPROVAL_REVIEW: ['审批', 'Approval review'], BUDGET_REVIEW: ['预算审核', 'Budget review'], UNDER_CONSTRUCTION: ['建设中', 'Under construction'],
  TRIAL_RUN: ['试运行', 'Trial run'], RECTIFICATION: ['整改', 'Rectification'], ACCEPTED: ['已验收', 'Accepted'], IN_OPERATION: ['运行中', 'In operation'],
  COUNTY_ACCEPT: ['县级受理', 'County acceptance'], PROVIDER_REVIEW: ['提供方审核', 'Provider review'], CITY_AUTHORITY_REVIEW: ['市级主管审核', 'City authority review'],
  AUTHORITY_DECISION: ['主管部门决定', 'Authority decision'], ARBITRATION: ['仲裁', 'Arbitration'], FILING: ['平台备案', 'Filing'], DELIVERY: ['提供方交付', 'Delivery'],
  TERMINATED: ['已终止', 'Terminated'], ACCEPTANCE_FAILED: ['验收未通过', 'Acceptance failed'],
  FORCE_MAJEURE: ['不可抗力', 'Force majeure'], IMPLEMENTATION_FAILED: ['无法继续实施', 'Implementation failed'], CONTRACTOR_NONCOMPLIANT: ['承建单位违约', 'Contractor non-compliant'],
  // a project's history (its steps as filed)
  ANNUAL_PLAN_APPROVED: ['年度计划通过', 'Annual plan approved'], SUPPLEMENTARY_PLAN_APPROVED: ['补充计划通过', 'Supplementary plan approved'], PLAN_REFUSED: ['计划未通过', 'Plan refused'],
  CONSTRUCTION_PLAN_FILED: ['报送建设方案', 'Construction plan filed'], TECHNICAL_REVIEW_PASSED: ['技术审查通过', 'Technical review passed'], TECHNICAL_REVIEW_FAILED: ['技术审查未通过', 'Technical review failed'],
  EXPERT_PANEL_DRAWN: ['抽取专家', 'Expert panel drawn'], EXPERT_REVIEW_PASSED: ['专家评审通过', 'Expert review passed'], EXPERT_REVIEW_FAILED: ['专家评审未通过', 'Expert review failed'],
  APPROVED_BY_REFORM: ['立项审批通过', 'Approved by development-reform'], APPROVAL_REFUSED: ['立项审批未通过', 'Approval refused'], APPROVAL_REFUSED_BY_GATE: ['考核门槛未达标，不予立项', 'Refused by the assessment gate'],
  BUDGET_APPROVED: ['预算核定', 'Budget approved'], BUDGET_REFUSED: ['预算未通过', 'Budget refused'], PROCUREMENT_FILED: ['采购备案', 'Procurement filed'],
  CHANGE_REQUESTED: ['申请变更', 'Change requested'], CHANGE_APPROVED: ['变更通过', 'Change approved'], CHANGE_REFUSED: ['变更未通过', 'Change refused'],
  SECURITY_ASSESSMENT_RECORDED: ['等保测评', 'Security assessment recorded'], ACCEPTANCE_PASSED: ['验收通过', 'Acceptance passed'], INITIAL_ACCEPTANCE_PASSED: ['初验通过', 'Initial acceptance passed'],
  FINAL_ACCEPTANCE_PASSED: ['终验通过', 'Final acceptance passed'], ACCEPTANCE_FAILED_RECTIFY: ['验收未通过，整改', 'Acceptance failed: rectify'],
  ACCEPTANCE_FAILED_PAYMENT_WITHHELD: ['验收未通过，暂停支付', 'Acceptance failed: payment withheld'], ARCHIVE_FILED: ['归档', 'Archive filed'], POST_EVALUATED: ['后评价', 'Post-evaluated'],
  OM_REPORT_FILED: ['报送运维报告', 'O&M report filed'],
  DECLARED: ['申报', 'Declared'],
  // outcomes of done tasks (已办)
  FILED: ['已报送', 'Filed'], AGREED: ['同意', 'Agreed'], DISAGREED: ['不同意', 'Disagreed'], SIGNED: ['已签署', 'Signed'], GRANTED: ['已授权', 'Granted'],
  DRILLED: ['已演练', 'Drilled'], LATE: ['逾期', 'Late'], ON_TIME: ['按期', 'On time'],
};

export type Lang = 'zh' | 'en';
export const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({ lang: 'zh', setLang: () => undefined });

export function useT(): (zh: string) => string {
  const { lang } = useContext(LangContext);
  return (zh) => (codes[zh] ? codes[zh][lang === 'en' ? 1 : 0] : lang === 'en' ? en[zh] ?? zh : zh);
}
