// Government digital projects through their steps (plan → review → approval → construction → acceptance → operation):
// the current step's working-day deadline (date + calendar), overdue steps, each project's history as a timeline, and
// the action of the step the project waits in for whoever holds it: the owner department submits its declaration and
// files the construction plan; the authority decides the plan, the reviews and changes, and draws the expert panel;
// development-reform approves; finance sets the budget; the authority and finance sign the final acceptance.
import { useMutation, useQuery } from '@apollo/client';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import {
  DataResourcesDocument, DecideDigitalProjectDocument, DigitalProjectsDocument, DrawExpertPanelDocument, FileConstructionPlanDocument, MeDocument,
  SubmitDigitalProjectDocument, type DigitalProjectStatus, type DigitalProjectsQuery, type MeQuery, type ProjectDecisionStep,
} from '../../gql/graphql';
import { messageOf } from '../../errors';
import { useT } from '../../i18n';
import { Deadline } from '../common';
import { FormModal } from './FormModal';

type Project = NonNullable<DigitalProjectsQuery['digitalProjects']>['edges'][number]['node'];
type Me = NonNullable<MeQuery['me']>;
type Action =
  | { kind: 'submit' } | { kind: 'plan' } | { kind: 'panel' }
  | { kind: 'decide'; step: ProjectDecisionStep };

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
  switch (p.status) {
    case 'PLANNED': return owner ? [{ kind: 'submit' }] : [];
    case 'SUBMITTED': case 'SUPPLEMENTARY_SUBMITTED': return authority ? [decide('PLAN')] : [];
    case 'PLAN_APPROVED': return owner || has('platform-operator') ? [{ kind: 'plan' }] : [];
    case 'TECHNICAL_REVIEW': return authority ? (p.needsExpertReview ? (p.expertPanel ? [] : [{ kind: 'panel' }]) : [decide('TECHNICAL_REVIEW')]) : [];
    case 'EXPERT_REVIEW': return authority ? [decide('EXPERT_REVIEW')] : [];
    case 'APPROVAL_REVIEW': return reform ? [decide('APPROVAL')] : [];
    case 'BUDGET_REVIEW': return finance ? [decide('BUDGET')] : [];
    case 'APPROVED': case 'UNDER_CONSTRUCTION': return authority && p.pendingChange ? [decide('CHANGE')] : [];
    case 'TRIAL_RUN': return [
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
  const { data, error, loading, refetch } = useQuery(DigitalProjectsDocument, { variables: { first: 100, filter: overdue ? { overdue: true } : null } });
  const [acting, setActing] = useState<{ project: Project; action: Action } | null>(null);
  const rows = data?.digitalProjects?.edges.map((e) => e.node) ?? [];
  const label = (a: Action) => (a.kind === 'submit' ? t('提交申报') : a.kind === 'plan' ? t('报送建设方案') : a.kind === 'panel' ? t('抽取专家') : t(STEP_LABEL[a.step]));
  const close = async (done: boolean) => { setActing(null); if (done) await refetch(); };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('信息化项目')}</Typography.Title>
      {error && <Alert type="error" message={messageOf(error)} />}
      <Radio.Group value={overdue} onChange={(e) => setOverdue(e.target.value)} optionType="button" options={[{ value: false, label: t('全部') }, { value: true, label: t('逾期') }]} />
      <Table size="small" rowKey="id" loading={loading && !data} data-testid="projects" dataSource={rows}
        expandable={{ expandedRowRender: (p) => (
          <Timeline items={p.history.map((h) => ({ children: <span><b>{t(h.step)}</b> · {h.actor} · {h.createdAt.slice(0, 16).replace('T', ' ')}{h.detail ? ` — ${h.detail}` : ''}</span> }))} />) }}
        columns={[
          { title: t('名称'), dataIndex: 'name' },
          { title: t('部门'), render: (_: unknown, p) => p.ownerDepartment.name },
          { title: t('年度'), dataIndex: 'year' },
          { title: t('预算（元）'), render: (_: unknown, p) => p.budget.toLocaleString('zh-CN') },
          { title: t('类型'), render: (_: unknown, p) => t(p.kind) },
          { title: t('环节'), render: (_: unknown, p) => <Tag color={p.status === 'REJECTED' || p.status === 'TERMINATED' ? 'red' : 'blue'}>{t(p.status)}</Tag> },
          { title: t('环节期限'), render: (_: unknown, p) => CLOSED.includes(p.status) ? null : <Deadline at={p.stageDeadline} official={p.deadlineOfficial} overdue={p.stageOverdue} /> },
          { title: t('逾期环节'), render: (_: unknown, p) => <Space wrap size={2}>{p.overdueSteps.map((s) => <Tag key={s} color="red">{t(s)}</Tag>)}</Space> },
          { title: t('理由'), dataIndex: 'refusalReason' },
          { title: t('操作'), render: (_: unknown, p) => (
            <Space size={4} wrap>{actionsFor(p, me).map((a) => (
              <Button key={a.kind === 'decide' ? a.step : a.kind} size="small" type="primary" onClick={() => setActing({ project: p, action: a })}>{label(a)}</Button>
            ))}</Space>) },
        ]} />
      {acting?.action.kind === 'submit' && <SubmitModal project={acting.project} onClose={close} />}
      {acting?.action.kind === 'plan' && <PlanModal project={acting.project} onClose={close} />}
      {acting?.action.kind === 'panel' && <PanelModal project={acting.project} onClose={close} />}
      {acting?.action.kind === 'decide' && <DecideModal project={acting.project} step={acting.action.step} onClose={close} />}
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
