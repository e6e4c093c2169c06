// Government digital projects through their steps (plan → review → approval → construction → acceptance → operation):
// the current step's working-day deadline (date + calendar), overdue steps, each project's history as a timeline, and
// the action of the step the project waits in for whoever holds it: the owner department submits its declaration and
// files the construction plan; the authority decides the plan, the reviews and changes, and draws the expert panel;
// development-reform approves; finance sets the budget; the authority and finance sign the final acceptance. In operation the
// owner files the yearly O&M reports (§29) and the authority post-evaluates (§33, feeds the assessment); during
// implementation the owner may terminate (§25). The authority keeps the expert pool (§15) and its region's approval gate
// (004 §35): a refusal by the gate is marked and names the indicator that failed.
import { useMutation, useQuery } from '@apollo/client';
import { Alert, Button, Checkbox, Descriptions, Form, Input, InputNumber, Radio, Select, Space, Switch, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { DataResourcesDocument } from '../../gql/catalog';
import { MeDocument } from '../../gql/portal';
import { AddProjectExpertDocument, DecideDigitalProjectDocument, DigitalProjectsDocument, DrawExpertPanelDocument, EvaluateDigitalProjectDocument, FileAcceptanceDocument, FileConstructionPlanDocument, FileOmReportDocument, FileProjectArchiveDocument, ProjectExpertsDocument, RecordProcurementDocument, RecordSecurityAssessmentDocument, RequestProjectChangeDocument, SetProjectApprovalGateDocument, SetProjectExpertActiveDocument, SubmitDigitalProjectDocument, TerminateDigitalProjectDocument } from '../../gql/projects';
import { type DigitalProjectStatus, type DigitalProjectsQuery, type MeQuery, type ProjectDecisionStep, type SetProjectApprovalGateMutation, type TerminationCause } from '../../gql/graphql';
import { messageOf } from '../../errors';
import { useT } from '../../i18n';
import { Deadline } from '../common';
import { FormModal } from './FormModal';

type Project = NonNullable<DigitalProjectsQuery['digitalProjects']>['edges'][number]['node'];
type Me = NonNullable<MeQuery['me']>;
type OwnerStep = 'procurement' | 'change' | 'security' | 'acceptance' | 'archive' | 'terminate' | 'omReport';
type Action =
  | { kind: 'submit' } | { kind: 'plan' } | { kind: 'panel' } | { kind: 'evaluate' } | { kind: OwnerStep }
  | { kind: 'decide'; step: ProjectDecisionStep };
const OWNER_LABEL: Record<OwnerStep, string> = {
  procurement: '采购备案', change: '申请变更', security: '等保测评', acceptance: '验收', archive: '归档', terminate: '终止项目', omReport: '运维报告',
};
const CAUSES: TerminationCause[] = ['FORCE_MAJEURE', 'IMPLEMENTATION_FAILED', 'CONTRACTOR_NONCOMPLIANT'];
/** Refused by the assessment gate (004 §35): its history says so; the refusal reason names the period and what failed. */
const gated = (p: Project) => p.status === 'REJECTED' && p.history.some((h) => h.step === 'APPROVAL_REFUSED_BY_GATE');

const CLOSED: DigitalProjectStatus[] = ['REJECTED', 'TERMINATED', 'IN_OPERATION', 'ACCEPTED'];
const STEP_LABEL: Record<ProjectDecisionStep, string> = {
  PLAN: '计划审核', TECHNICAL_REVIEW: '技术审查', EXPERT_REVIEW: '专家评审', APPROVAL: '立项审批', BUDGET: '预算审核', CHANGE: '变更审批',
  FINAL_ACCEPTANCE_AUTHORITY: '终验（主管部门）', FINAL_ACCEPTANCE_FINANCE: '终验（财政）',
};

/** What the caller may do on the project's current step (the graph checks again: party, department, region). */
function actionsFor(p: Project, me: Me | null | undefined): Action[] {
  if (!me) return [];
  const has = (r: string) => me.roles.includes(r);
  const kind = me.departmentId?.split('-')[1];
  const owner = has('dept-admin') && me.departmentId === p.ownerDepartmentId;
  const authority = has('authority');
  const reform = has('dept-approver') && kind === 'fgw';
  const finance = has('dept-approver') && kind === 'czj';
  const decide = (step: ProjectDecisionStep): Action => ({ kind: 'decide', step });
  const own = (...steps: OwnerStep[]): Action[] => (owner ? steps.map((kind) => ({ kind })) : []);
  const change = p.pendingChange ? [] : ['change' as const];
  switch (p.status) {
    case 'PLANNED': return owner ? [{ kind: 'submit' }] : [];
    case 'SUBMITTED': case 'SUPPLEMENTARY_SUBMITTED': return authority ? [decide('PLAN')] : [];
    case 'PLAN_APPROVED': return owner || has('platform-operator') ? [{ kind: 'plan' }] : [];
    case 'TECHNICAL_REVIEW': return authority ? (p.needsExpertReview ? (p.expertPanel ? [] : [{ kind: 'panel' }]) : [decide('TECHNICAL_REVIEW')]) : [];
    case 'EXPERT_REVIEW': return authority ? [decide('EXPERT_REVIEW')] : [];
    case 'APPROVAL_REVIEW': return reform ? [decide('APPROVAL')] : [];
    case 'BUDGET_REVIEW': return finance ? [decide('BUDGET')] : [];
    case 'APPROVED': return [...own('procurement', ...change, 'security', 'terminate'), ...(authority && p.pendingChange ? [decide('CHANGE')] : [])];
    case 'UNDER_CONSTRUCTION': return [...own(...change, 'security', 'acceptance', 'terminate'), ...(authority && p.pendingChange ? [decide('CHANGE')] : [])];
    case 'RECTIFICATION': return own('security', 'acceptance', 'terminate');
    case 'ACCEPTED': return own('archive');
    case 'IN_OPERATION': return [...(p.omSchedule.some((y) => !y.filedAt) ? own('omReport') : []), ...(authority ? [{ kind: 'evaluate' as const }] : [])];
    case 'TRIAL_RUN': return [
      ...own('security', 'terminate'),
      ...(authority && !p.finalByAuthority ? [decide('FINAL_ACCEPTANCE_AUTHORITY')] : []),
      ...(finance && !p.finalByFinance ? [decide('FINAL_ACCEPTANCE_FINANCE')] : []),
    ];
    default: return [];
  }
}

export default function Projects() {
  const t = useT();
  const [overdue, setOverdue] = useState(false);
  const me = useQuery(MeDocument).data?.me;
  const [keyword, setKeyword] = useState<string | null>(null);
  const filter = overdue || keyword ? { ...(overdue ? { overdue: true } : {}), ...(keyword ? { keyword } : {}) } : null;
  const { data, error, loading, refetch } = useQuery(DigitalProjectsDocument, { variables: { first: 100, filter } });
  const [acting, setActing] = useState<{ project: Project; action: Action } | null>(null);
  const [gateOpen, setGateOpen] = useState(false);
  const [gate, setGate] = useState<SetProjectApprovalGateMutation['setProjectApprovalGate']>();
  const rows = data?.digitalProjects?.edges.map((e) => e.node) ?? [];
  const authority = !!me?.roles.includes('authority');
  const label = (a: Action) => (a.kind === 'submit' ? t('提交申报') : a.kind === 'plan' ? t('报送建设方案') : a.kind === 'panel' ? t('抽取专家')
    : a.kind === 'evaluate' ? t('后评价') : a.kind === 'decide' ? t(STEP_LABEL[a.step]) : t(OWNER_LABEL[a.kind]));
  const close = async (done: boolean) => { setActing(null); if (done) await refetch(); };
  const projects = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search aria-label={t('搜索项目名称')} placeholder={t('搜索项目名称')} allowClear onSearch={(v) => setKeyword(v.trim() || null)} enterButton={t('搜索')} />
        <Radio.Group value={overdue} onChange={(e) => setOverdue(e.target.value)} optionType="button" options={[{ value: false, label: t('全部') }, { value: true, label: t('逾期') }]} />
        {authority && <Button onClick={() => setGateOpen(true)}>{t('审批考核门槛')}</Button>}
        {gate && <span data-testid="project-gate">{t('本地区门槛')}: {t('总分')} ≥ {gate.minTotalScore} · {t('单项指标')} ≥ {gate.minIndicatorValue} ({gate.setBy})</span>}
      </Space>
      <Table size="small" rowKey="id" loading={loading && !data} data-testid="projects" dataSource={rows}
        expandable={{ expandedRowRender: (p) => <ProjectDetail project={p} /> }}
        columns={[
          { title: t('名称'), dataIndex: 'name' },
          { title: t('部门'), render: (_: unknown, p) => p.ownerDepartment.name },
          { title: t('年度'), dataIndex: 'year' },
          { title: t('预算（元）'), render: (_: unknown, p) => p.budget.toLocaleString('zh-CN') },
          { title: t('类型'), render: (_: unknown, p) => t(p.kind) },
          { title: t('环节'), render: (_: unknown, p) => <Tag color={p.status === 'REJECTED' || p.status === 'TERMINATED' ? 'red' : 'blue'}>{t(p.status)}</Tag> },
          { title: t('环节期限'), render: (_: unknown, p) => CLOSED.includes(p.status) ? null : <Deadline at={p.stageDeadline} official={p.deadlineOfficial} overdue={p.stageOverdue} /> },
          { title: t('逾期环节'), render: (_: unknown, p) => <Space wrap size={2}>{p.overdueSteps.map((s) => <Tag key={s} color="red">{t(s)}</Tag>)}</Space> },
          { title: t('说明'), render: (_: unknown, p) => (
            <Space direction="vertical" size={2}>
              {gated(p) && <Tag color="volcano" data-testid="gated">{t('考核门槛未达标')}</Tag>}
              {[p.refusalReason, p.pendingChange && `${t('待批变更')}: ${p.pendingChange.content}`,
                p.securityAssessment && `${t('等保测评')} ${p.securityAssessment.level} ${t(p.securityAssessment.passed ? '通过' : '不通过')}`,
                p.termination && `${t('终止原因')}: ${t(p.termination.cause)}`,
                p.evaluation && `${t('后评价')} ${p.evaluation.total}`,
                p.omSchedule.some((y) => y.overdue) && t('运维报告逾期')].filter(Boolean).join(' · ')}
            </Space>) },
          { title: t('操作'), render: (_: unknown, p) => (
            <Space size={4} wrap>{actionsFor(p, me).map((a) => (
              <Button key={a.kind === 'decide' ? a.step : a.kind} size="small" type="primary" onClick={() => setActing({ project: p, action: a })}>{label(a)}</Button>
            ))}</Space>) },
        ]} />
      {acting?.action.kind === 'submit' && <SubmitModal project={acting.project} onClose={close} />}
      {acting?.action.kind === 'plan' && <PlanModal project={acting.project} onClose={close} />}
      {acting?.action.kind === 'panel' && <PanelModal project={acting.project} onClose={close} />}
      {acting && acting.action.kind in OWNER_LABEL && <OwnerStepModal project={acting.project} step={acting.action.kind as OwnerStep} onClose={close} />}
      {acting?.action.kind === 'evaluate' && <EvaluateModal project={acting.project} onClose={close} />}
      {acting?.action.kind === 'decide' && <DecideModal project={acting.project} step={acting.action.step} onClose={close} />}
      {gateOpen && <GateModal onClose={(g) => { setGateOpen(false); if (g) setGate(g); }} />}
    </Space>
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('信息化项目')}</Typography.Title>
      {error && <Alert type="error" message={messageOf(error)} />}
      {authority
        ? <Tabs items={[{ key: 'projects', label: t('项目'), children: projects }, { key: 'experts', label: t('专家库'), children: <Experts /> }]} />
        : projects}
    </Space>
  );
}

/** A project's record: the drawn panel, the O&M years with their due dates, the post-evaluation, a termination, every step. */
function ProjectDetail({ project: p }: { project: Project }) {
  const t = useT();
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="project-detail">
      {p.refusalReason && <Alert type={gated(p) ? 'warning' : 'error'} showIcon message={gated(p) ? t('考核门槛未达标：本部门最近一次考核低于本地区审批门槛（004 §35）') : t('不予通过')} description={p.refusalReason} />}
      {p.expertPanel && (
        <Descriptions size="small" column={1} title={t('评审专家组')}>
          <Descriptions.Item label={t('专家')}>{p.expertPanel.members.map((m) => `${m.name}（${m.field}，${m.affiliation}）`).join('；')}</Descriptions.Item>
          <Descriptions.Item label={t('抽取')}>{`${p.expertPanel.drawnBy} · ${p.expertPanel.drawnAt.slice(0, 16).replace('T', ' ')} · ${t('随机种子')} ${p.expertPanel.seed} · ${t('候选专家')} ${p.expertPanel.poolIds.length}`}</Descriptions.Item>
        </Descriptions>
      )}
      {p.omSchedule.length > 0 && (
        <Table size="small" rowKey="omYear" pagination={false} data-testid="om-schedule" dataSource={p.omSchedule} title={() => `${t('运维报告')}（${t('运维年限')} ${p.procurement?.omYears ?? '-'}）`}
          columns={[
            { title: t('运维年度'), dataIndex: 'omYear' },
            { title: t('报送期限'), render: (_: unknown, y) => (y.filedAt ? null : <Deadline at={y.due} official={y.official} overdue={y.overdue} />) },
            { title: t('状态'), render: (_: unknown, y) => (y.filedAt ? <Tag color={y.overdue ? 'orange' : 'green'}>{t(y.overdue ? '逾期报送' : '已报送')}</Tag> : y.overdue ? <Tag color="red">{t('已逾期')}</Tag> : <Tag>{t('待报送')}</Tag>) },
            { title: t('报告摘要'), render: (_: unknown, y) => p.omReports.find((r) => r.omYear === y.omYear)?.summary },
          ]} />
      )}
      {p.evaluation && (
        <Descriptions size="small" column={5} title={t('后评价')} data-testid="evaluation">
          <Descriptions.Item label={t('建设')}>{p.evaluation.construction}</Descriptions.Item>
          <Descriptions.Item label={t('应用')}>{p.evaluation.use}</Descriptions.Item>
          <Descriptions.Item label={t('效益')}>{p.evaluation.effect}</Descriptions.Item>
          <Descriptions.Item label={t('安全')}>{p.evaluation.security}</Descriptions.Item>
          <Descriptions.Item label={t('总分')}>{p.evaluation.total}</Descriptions.Item>
        </Descriptions>
      )}
      {p.termination && (
        <Descriptions size="small" column={1} title={t('项目终止')}>
          <Descriptions.Item label={t('终止原因')}>{t(p.termination.cause)}</Descriptions.Item>
          <Descriptions.Item label={t('书面说明')}>{p.termination.statement}</Descriptions.Item>
          <Descriptions.Item label={t('办理人')}>{`${p.termination.terminatedBy} · ${p.termination.terminatedAt.slice(0, 16).replace('T', ' ')}`}</Descriptions.Item>
        </Descriptions>
      )}
      <Timeline items={p.history.map((h) => ({ children: <span><b>{t(h.step)}</b> · {h.actor} · {h.createdAt.slice(0, 16).replace('T', ' ')}{h.detail ? ` — ${h.detail}` : ''}</span> }))} />
    </Space>
  );
}

/** §33: the authority scores construction, use, effect and security (0-100); the mean feeds the owner's assessment. */
function EvaluateModal({ project, onClose }: { project: Project; onClose: (done: boolean) => void }) {
  const t = useT();
  const [evaluate] = useMutation(EvaluateDigitalProjectDocument);
  const dims = [['construction', '建设'], ['use', '应用'], ['effect', '效益'], ['security', '安全']] as const;
  return (
    <FormModal<Record<string, number>> title={`${t('后评价')} · ${project.name}`} fields={dims.map(([k]) => k)} onClose={onClose}
      initialValues={project.evaluation ? { construction: project.evaluation.construction, use: project.evaluation.use, effect: project.evaluation.effect, security: project.evaluation.security } : undefined}
      run={(v) => evaluate({ variables: { id: project.id, input: { construction: Number(v.construction), use: Number(v.use), effect: Number(v.effect), security: Number(v.security) } } })}>
      <Typography.Paragraph type="secondary">{t('各项 0–100 分；总分为四项平均，计入项目单位的考核')}</Typography.Paragraph>
      {dims.map(([k, zh]) => (
        <Form.Item key={k} name={k} label={t(zh)} rules={[{ required: true, message: t('必填') }]}><InputNumber style={{ width: 120 }} /></Form.Item>
      ))}
    </FormModal>
  );
}

/** 004 §35: the authority sets its region's gate; a department below it has its approvals refused, naming what failed. */
function GateModal({ onClose }: { onClose: (gate?: SetProjectApprovalGateMutation['setProjectApprovalGate']) => void }) {
  const t = useT();
  const [set] = useMutation(SetProjectApprovalGateDocument);
  return (
    <FormModal<{ minTotalScore: number; minIndicatorValue: number }> title={t('审批考核门槛')} fields={['minTotalScore', 'minIndicatorValue']} onClose={() => onClose()}
      run={async (v) => { const r = await set({ variables: { input: { minTotalScore: Number(v.minTotalScore), minIndicatorValue: Number(v.minIndicatorValue) } } }); onClose(r.data?.setProjectApprovalGate); }}>
      <Typography.Paragraph type="secondary">{t('项目单位最近一次考核总分或任一指标低于门槛的，立项审批不予通过（004 §35）')}</Typography.Paragraph>
      <Form.Item name="minTotalScore" label={t('最低考核总分（0–100）')} rules={[{ required: true, message: t('必填') }]}><InputNumber style={{ width: 120 }} /></Form.Item>
      <Form.Item name="minIndicatorValue" label={t('单项指标最低值（0–1）')} rules={[{ required: true, message: t('必填') }]}><InputNumber step={0.05} style={{ width: 120 }} /></Form.Item>
    </FormModal>
  );
}

/** §15: the city's authority keeps the expert pool; an inactive expert is left out of new draws, past panels keep theirs. */
function Experts() {
  const t = useT();
  const { data, error, loading, refetch } = useQuery(ProjectExpertsDocument);
  const [setActive] = useMutation(SetProjectExpertActiveDocument);
  const [add] = useMutation(AddProjectExpertDocument);
  const [adding, setAdding] = useState(false);
  const [failure, setFailure] = useState<string>();
  const req = [{ required: true, message: t('必填') }];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('预算 200 万元及以上的项目由主管部门从专家库随机抽取专家评审，项目单位的专家回避')}</Typography.Paragraph>
      {(error || failure) && <Alert type="error" message={failure ?? messageOf(error)} />}
      <Button type="primary" style={{ width: 'fit-content' }} onClick={() => setAdding(true)}>{t('添加专家')}</Button>
      <Table size="small" rowKey="id" loading={loading && !data} data-testid="experts" dataSource={data?.projectExperts ?? []}
        columns={[
          { title: t('姓名'), dataIndex: 'name' },
          { title: t('专业领域'), dataIndex: 'field' },
          { title: t('工作单位'), dataIndex: 'affiliation' },
          { title: t('参与抽取'), render: (_: unknown, e) => (
            <Switch size="small" checked={e.active} aria-label={`${t('参与抽取')} ${e.name}`}
              onChange={async (active) => { setFailure(undefined); try { await setActive({ variables: { id: e.id, active } }); } catch (x) { setFailure(messageOf(x)); } }} />) },
        ]} />
      {adding && (
        <FormModal<{ name: string; affiliation: string; field: string }> title={t('添加专家')} fields={['name', 'affiliation', 'field']}
          onClose={async (done) => { setAdding(false); if (done) await refetch(); }}
          run={(v) => add({ variables: { input: { name: v.name.trim(), affiliation: v.affiliation.trim(), field: v.field.trim() } } })}>
          <Form.Item name="name" label={t('姓名')} rules={req}><Input /></Form.Item>
          <Form.Item name="field" label={t('专业领域')} rules={req}><Input /></Form.Item>
          <Form.Item name="affiliation" label={t('工作单位')} extra={t('填部门编号（如 420600-gaj）时，该部门的项目不抽取此专家')} rules={req}><Input /></Form.Item>
        </FormModal>
      )}
    </Space>
  );
}

/** The owner submits its declaration; after 30 October the graph asks why it cannot wait (§11), beside that field. */
function SubmitModal({ project, onClose }: { project: Project; onClose: (done: boolean) => void }) {
  const t = useT();
  const [submit] = useMutation(SubmitDigitalProjectDocument);
  return (
    <FormModal<{ urgentReason?: string }> title={`${t('提交申报')} · ${project.name}`} fields={['urgentReason']} onClose={onClose}
      run={(v) => submit({ variables: { id: project.id, urgentReason: v.urgentReason?.trim() || null } })}>
      <Typography.Paragraph type="secondary">{t('每年 10 月 30 日前申报下一年度计划；之后申报的列入补充计划，须说明紧急理由')}</Typography.Paragraph>
      <Form.Item name="urgentReason" label={t('紧急理由（补充计划）')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

/** The construction plan with the resource catalog it will provide (004 §35); a new system plans its interfaces. */
function PlanModal({ project, onClose }: { project: Project; onClose: (done: boolean) => void }) {
  const t = useT();
  const [file] = useMutation(FileConstructionPlanDocument);
  const resources = useQuery(DataResourcesDocument, { variables: { first: 100, filter: { departmentId: project.ownerDepartmentId } } });
  const options = resources.data?.dataResources?.edges.map((e) => ({ value: e.node.id, label: `${e.node.name} (${e.node.code})` })) ?? [];
  return (
    <FormModal<{ plan: string; resourceIds: string[]; newSystem: boolean; sharingInterfaces?: string }> title={`${t('报送建设方案')} · ${project.name}`}
      fields={['plan', 'resourceIds', 'newSystem', 'sharingInterfaces']} initialValues={{ resourceIds: [], newSystem: true }} onClose={onClose}
      run={(v) => file({ variables: { id: project.id, input: { plan: v.plan, resourceIds: v.resourceIds ?? [], newSystem: !!v.newSystem, sharingInterfaces: v.sharingInterfaces?.trim() || null } } })}>
      <Form.Item name="plan" label={t('建设方案')} rules={[{ required: true, message: t('必填') }]}><Input.TextArea rows={3} /></Form.Item>
      <Form.Item name="resourceIds" label={t('资源目录')}>
        <Select mode="multiple" options={options} loading={resources.loading} optionFilterProp="label" />
      </Form.Item>
      <Form.Item name="newSystem" valuePropName="checked"><Checkbox>{t('新建或改建业务系统')}</Checkbox></Form.Item>
      <Form.Item name="sharingInterfaces" label={t('共享开放接口')}><Input.TextArea rows={2} /></Form.Item>
    </FormModal>
  );
}

/** The owner's implementation steps (§19-28): procurement, a change for the authority, the 等保 assessment, acceptance, archive. */
function OwnerStepModal({ project, step, onClose }: { project: Project; step: OwnerStep; onClose: (done: boolean) => void }) {
  const t = useT();
  const [procure] = useMutation(RecordProcurementDocument);
  const [requestChange] = useMutation(RequestProjectChangeDocument);
  const [assess] = useMutation(RecordSecurityAssessmentDocument);
  const [accept] = useMutation(FileAcceptanceDocument);
  const [archive] = useMutation(FileProjectArchiveDocument);
  const [terminate] = useMutation(TerminateDigitalProjectDocument);
  const [omReport] = useMutation(FileOmReportDocument);
  const id = project.id;
  const req = [{ required: true, message: t('必填') }];
  const title = `${t(OWNER_LABEL[step])} · ${project.name}`;
  const text = (v: unknown) => String(v ?? '').trim();
  switch (step) {
    case 'procurement':
      return (
        <FormModal<Record<string, unknown>> title={title} fields={['procurementDocument', 'contractNo', 'contractor', 'contractAmount', 'omYears', 'supervisor']} initialValues={{ omYears: 3 }} onClose={onClose}
          run={(v) => procure({ variables: { id, input: { procurementDocument: text(v.procurementDocument), contractNo: text(v.contractNo), contractor: text(v.contractor), contractAmount: Number(v.contractAmount), omYears: Number(v.omYears), supervisor: text(v.supervisor) } } })}>
          <Form.Item name="procurementDocument" label={t('采购文件')} rules={req}><Input /></Form.Item>
          <Form.Item name="contractNo" label={t('合同编号')} rules={req}><Input /></Form.Item>
          <Form.Item name="contractor" label={t('承建单位')} rules={req}><Input /></Form.Item>
          <Form.Item name="contractAmount" label={t('合同金额（元）')} rules={req}><InputNumber min={0} style={{ width: 200 }} /></Form.Item>
          <Form.Item name="omYears" label={t('运维年限')} rules={req}><InputNumber min={0} /></Form.Item>
          <Form.Item name="supervisor" label={t('监理单位')} rules={req}><Input /></Form.Item>
        </FormModal>
      );
    case 'change':
      return (
        <FormModal<Record<string, unknown>> title={title} fields={['content', 'reason', 'newBudget']} onClose={onClose}
          run={(v) => requestChange({ variables: { id, input: { content: text(v.content), reason: text(v.reason), newBudget: v.newBudget == null ? null : Number(v.newBudget) } } })}>
          <Form.Item name="content" label={t('变更内容')} rules={req}><Input.TextArea rows={3} /></Form.Item>
          <Form.Item name="reason" label={t('变更理由')} rules={req}><Input.TextArea rows={2} /></Form.Item>
          <Form.Item name="newBudget" label={t('变更后预算（元，可不填）')}><InputNumber min={0} style={{ width: 200 }} /></Form.Item>
        </FormModal>
      );
    case 'security':
      return (
        <FormModal<Record<string, unknown>> title={title} fields={['level', 'agency', 'reportNo', 'passed', 'assessedOn']} initialValues={{ level: 3, passed: true }} onClose={onClose}
          run={(v) => assess({ variables: { id, input: { level: Number(v.level), agency: text(v.agency), reportNo: text(v.reportNo), passed: !!v.passed, assessedOn: text(v.assessedOn) } } })}>
          <Form.Item name="level" label={t('等保级别')} rules={req}><InputNumber min={1} max={5} /></Form.Item>
          <Form.Item name="agency" label={t('测评机构')} rules={req}><Input /></Form.Item>
          <Form.Item name="reportNo" label={t('报告编号')} rules={req}><Input /></Form.Item>
          <Form.Item name="assessedOn" label={t('测评日期')} extra="YYYY-MM-DD" rules={req}><Input /></Form.Item>
          <Form.Item name="passed" label={t('测评结论')}><Radio.Group options={[{ value: true, label: t('通过') }, { value: false, label: t('不通过') }]} /></Form.Item>
        </FormModal>
      );
    case 'acceptance':
      return (
        <FormModal<Record<string, unknown>> title={title} fields={['passed', 'report']} initialValues={{ passed: true }} onClose={onClose}
          run={(v) => accept({ variables: { id, input: { passed: !!v.passed, report: text(v.report) } } })}>
          <Typography.Paragraph type="secondary">{t('验收通过须目录资源全部发布且等保测评通过')}</Typography.Paragraph>
          <Form.Item name="passed" label={t('验收结论')}><Radio.Group options={[{ value: true, label: t('通过') }, { value: false, label: t('不通过') }]} /></Form.Item>
          <Form.Item name="report" label={t('验收报告')} rules={req}><Input.TextArea rows={3} /></Form.Item>
        </FormModal>
      );
    case 'archive':
      return (
        <FormModal<Record<string, unknown>> title={title} fields={['archiveNo']} onClose={onClose}
          run={(v) => archive({ variables: { id, archiveNo: text(v.archiveNo) } })}>
          <Form.Item name="archiveNo" label={t('档案编号')} rules={req}><Input /></Form.Item>
        </FormModal>
      );
    case 'terminate':
      return (
        <FormModal<Record<string, unknown>> title={title} fields={['cause', 'statement']} onClose={onClose}
          run={(v) => terminate({ variables: { id, input: { cause: v.cause as TerminationCause, statement: text(v.statement) } } })}>
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('终止后项目不再继续实施，须向主管部门书面说明（§25）')} />
          {/* a validator, not `required`: antd would put aria-required on the select's box, which axe refuses */}
          <Form.Item name="cause" label={t('终止原因')} rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('必填')))) }]}>
            <Select options={CAUSES.map((c) => ({ value: c, label: t(c) }))} />
          </Form.Item>
          <Form.Item name="statement" label={t('书面说明')} rules={req}><Input.TextArea rows={4} /></Form.Item>
        </FormModal>
      );
    case 'omReport': {
      const next = project.omSchedule.find((y) => !y.filedAt)?.omYear;
      return (
        <FormModal<Record<string, unknown>> title={title} fields={['omYear', 'summary']} initialValues={{ omYear: next }} onClose={onClose}
          run={(v) => omReport({ variables: { id, input: { omYear: Number(v.omYear), summary: text(v.summary) } } })}>
          <Typography.Paragraph type="secondary">{t('验收归档后每个运维年度报送一次运行维护情况（§29）')}</Typography.Paragraph>
          <Form.Item name="omYear" label={t('运维年度')} rules={req}><InputNumber min={1} /></Form.Item>
          <Form.Item name="summary" label={t('运行维护情况')} rules={req}><Input.TextArea rows={4} /></Form.Item>
        </FormModal>
      );
    }
  }
}

/** §14-15: 2,000,000 CNY or more: the authority draws the expert panel at random (the seed is recorded). */
function PanelModal({ project, onClose }: { project: Project; onClose: (done: boolean) => void }) {
  const t = useT();
  const [draw] = useMutation(DrawExpertPanelDocument);
  return (
    <FormModal<{ size: number }> title={`${t('抽取专家')} · ${project.name}`} fields={['size']} initialValues={{ size: 5 }} onClose={onClose}
      run={(v) => draw({ variables: { id: project.id, size: v.size } })}>
      <Form.Item name="size" label={t('专家人数')}><Radio.Group options={[3, 5, 7].map((n) => ({ value: n, label: String(n) }))} /></Form.Item>
    </FormModal>
  );
}

/** A party's decision on its step; a refusal says why; finance may set the approved budget. */
function DecideModal({ project, step, onClose }: { project: Project; step: ProjectDecisionStep; onClose: (done: boolean) => void }) {
  const t = useT();
  const [decide] = useMutation(DecideDigitalProjectDocument);
  return (
    <FormModal<{ approve: boolean; comment?: string; approvedBudget?: number | null }> title={`${t(STEP_LABEL[step])} · ${project.name}`}
      fields={['approve', 'comment', 'approvedBudget']} initialValues={{ approve: true, approvedBudget: step === 'BUDGET' ? project.budget : undefined }} onClose={onClose}
      run={(v) => decide({ variables: { id: project.id, input: { step, approve: v.approve, comment: v.comment?.trim() || null, approvedBudget: step === 'BUDGET' ? v.approvedBudget ?? null : null } } })}>
      {step === 'CHANGE' && <Typography.Paragraph>{project.pendingChange?.content}</Typography.Paragraph>}
      <Form.Item name="approve" label={t('决定')}>
        <Radio.Group options={[{ value: true, label: t('通过') }, { value: false, label: t('不通过') }]} />
      </Form.Item>
      {step === 'BUDGET' && (
        <Form.Item name="approvedBudget" label={t('核定预算（元）')}><InputNumber min={0} step={1000} style={{ width: 200 }} /></Form.Item>
      )}
      <Form.Item noStyle dependencies={['approve']}>
        {({ getFieldValue }) => (
          <Form.Item name="comment" label={t('意见')} rules={[{ required: getFieldValue('approve') === false, message: t('不通过须说明理由') }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
      </Form.Item>
    </FormModal>
  );
}
