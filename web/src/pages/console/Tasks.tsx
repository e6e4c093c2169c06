// 待办: everything waiting on the caller across the subgraphs (myTasks), earliest due first, each with its deadline, the
// calendar behind it and a link to the page where it is acted on; a subgraph that did not answer is named, not hidden.
// 已办: what the caller (or, for an administrator or the authority, the department / region) completed, newest first.
import { useQuery } from '@apollo/client';
import { Alert, Badge, Segmented, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { MyDoneTasksDocument } from '../../gql/done-tasks';
import { MeDocument } from '../../gql/portal';
import { type DoneTaskScope, type MyTasksQuery } from '../../gql/graphql';
import { useMyTasks } from './tasks-query';
import { messageOf } from '../../errors';
import { useT } from '../../i18n';

type Task = NonNullable<MyTasksQuery['myTasks']>['items'][number];

const TASK_TYPES: Record<string, string> = {
  SHARE_DECISION: '共享审批', CATALOG_REVIEW: '目录审核', CHANGE_REVIEW: '变更审核', QUALITY_FIX: '质量整改', QUALITY_VERIFY: '整改核验',
  OPEN_DATA_DECISION: '开放申请审核', OPEN_DATA_CASE_ANSWER: '投诉反馈答复', OBJECTION_SUSPEND: '异议暂停', OBJECTION_DECIDE: '异议核实',
  OBJECTION_ANSWER: '异议答复', PROJECT_STEP: '项目环节', EMERGENCY_DRILL: '应急演练', AGREEMENT_SIGN: '签署协议', DEMAND_ANSWER: '需求答复',
  DEMAND_ARBITRATION: '需求裁决', FUNCTION_CHANGE_FILING: '职能变更备案', RECLASSIFICATION_OPINION: '分级意见', RECLASSIFICATION_DECISION: '分级决定',
  SELF_ASSESSMENT: '考核自评',
};

/** The page where an item is acted on. */
function taskLink(task: Pick<Task, 'type' | 'id'>): string | null {
  switch (task.type) {
    case 'SHARE_DECISION': return `/console/applications?id=${task.id}`;
    case 'CATALOG_REVIEW': return `/console/catalog/${task.id}`;
    case 'CHANGE_REVIEW': return '/console/changes';
    case 'QUALITY_FIX': case 'QUALITY_VERIFY': return `/console/quality?id=${task.id}`;
    case 'OPEN_DATA_DECISION': return `/console/open-data?id=${task.id}`;
    case 'OPEN_DATA_CASE_ANSWER': return `/console/open-data?tab=cases&id=${task.id}`;
    case 'OBJECTION_SUSPEND': case 'OBJECTION_DECIDE': case 'OBJECTION_ANSWER': return '/console/objections';
    case 'PROJECT_STEP': return '/console/projects';
    case 'EMERGENCY_DRILL': return '/console/security';
    case 'AGREEMENT_SIGN': return '/console/grants';
    case 'SELF_ASSESSMENT': return '/console/assessment';
    default: return null;
  }
}


/** A step's label; an O&M report's step is its year (YEAR_2 → 运维年度 2 / O&M year 2). */
function stageLabel(stage: string, t: (s: string) => string): string {
  const year = /^YEAR_(\d+)$/.exec(stage);
  return year ? `${t('运维年度')} ${year[1]}` : t(stage);
}

export default function Tasks() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('待办')}</Typography.Title>
      <Tabs activeKey={params.get('tab') === 'done' ? 'done' : 'todo'} onChange={(k) => setParams(k === 'done' ? { tab: 'done' } : {})}
        items={[{ key: 'todo', label: t('待办'), children: <Todo /> }, { key: 'done', label: t('已办'), children: <Done /> }]} />
    </Space>
  );
}

function Todo() {
  const t = useT();
  const { data, error, loading } = useMyTasks();
  const tasks = data?.myTasks;
  const items = [...(tasks?.items ?? [])].sort((a, b) => (a.deadline?.dueAt ?? '9999').localeCompare(b.deadline?.dueAt ?? '9999'));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {error && <Alert type="error" message={messageOf(error)} />}
      {!!tasks?.unavailable.length && (
        <Alert type="warning" showIcon data-testid="tasks-unavailable" message={`${t('部分服务暂不可用：')}${tasks.unavailable.join('、')}`}
          description={t('这些服务的待办暂未列出，请稍后刷新')} />
      )}
      {tasks && (
        <Space wrap data-testid="task-counts">
          <Tag>{t('共')} {tasks.total}</Tag>
          {tasks.overdue > 0 && <Tag color="red">{t('已逾期')} {tasks.overdue}</Tag>}
          {tasks.provisional > 0 && <Tag color="gold">{t('暂定日历')} {tasks.provisional}</Tag>}
          {tasks.counts.map((c) => <Badge key={c.type} count={c.count} size="small" color="#0958d9" offset={[4, -2]}><Tag>{t(TASK_TYPES[c.type] ?? c.type)}</Tag></Badge>)}
        </Space>
      )}
      <Table size="small" rowKey={(r) => `${r.type}:${r.id}:${r.stage ?? ''}`} loading={loading && !data} data-testid="tasks" dataSource={items} pagination={{ pageSize: 50 }}
        columns={[
          { title: t('类型'), render: (_: unknown, r: Task) => <Space size={2}><Tag>{t(TASK_TYPES[r.type] ?? r.type)}</Tag>{r.stage && <Tag color="blue">{stageLabel(r.stage, t)}</Tag>}</Space> },
          { title: t('事项'), render: (_: unknown, r: Task) => { const to = taskLink(r); return to ? <Link to={to}>{r.title}</Link> : r.title; } },
          { title: t('部门'), render: (_: unknown, r: Task) => r.departmentName ?? r.departmentId },
          { title: t('办理期限'), render: (_: unknown, r: Task) => <TaskDeadline d={r.deadline} /> },
        ]} />
    </Space>
  );
}

function TaskDeadline({ d }: { d: Task['deadline'] }) {
  const t = useT();
  if (!d) return <Typography.Text type="secondary">{t('无期限')}</Typography.Text>;
  // dueAt is 24:00 Beijing time of the last working day: show that day, not the next one's 00:00.
  const last = new Date(Date.parse(d.dueAt) - 1);
  const when = `${last.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })} 24:00`;
  return (
    <Space size={4} wrap data-testid="deadline">
      <span>{when}</span>
      {d.workingDays != null && <Typography.Text type="secondary">({d.workingDays} {t('个工作日')})</Typography.Text>}
      {d.provisional
        ? <Tooltip title={`${t('该年度国务院节假日安排未发布，按法定节假日推算')} (${d.calendarVersion})`}><Tag color="gold" tabIndex={0}>{t('暂定日历')}</Tag></Tooltip>
        : <Tooltip title={d.calendarVersion}><Tag color="green">{t('官方日历')}</Tag></Tooltip>}
      {d.overdue && <Tag color="red">{t('已逾期')}</Tag>}
    </Space>
  );
}

const PAGE = 20;

/** 已办: newest first, a page at a time (offset); an administrator or the authority may widen it to the department / region. */
function Done() {
  const t = useT();
  const me = useQuery(MeDocument).data?.me;
  const wide = !!me?.roles.some((r) => r === 'dept-admin' || r === 'authority');
  const [scope, setScope] = useState<DoneTaskScope>('MINE');
  const [page, setPage] = useState(1);
  const { data, error, loading } = useQuery(MyDoneTasksDocument, { variables: { first: PAGE, offset: (page - 1) * PAGE, scope }, fetchPolicy: 'cache-and-network' });
  const done = data?.myDoneTasks;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {wide && <Segmented aria-label={t('范围')} value={scope} onChange={(v) => { setScope(v as DoneTaskScope); setPage(1); }}
        options={[{ value: 'MINE', label: t('本人办理') }, { value: 'DEPARTMENT', label: me?.roles.includes('authority') ? t('本地区') : t('本部门') }]} />}
      {error && <Alert type="error" message={messageOf(error)} />}
      <Table size="small" rowKey={(r) => `${r.type}:${r.id}:${r.stage ?? ''}:${r.doneAt}`} loading={loading && !data} data-testid="done-tasks" dataSource={done?.items ?? []}
        pagination={{ current: page, pageSize: PAGE, total: done?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('类型'), render: (_: unknown, r) => <Space size={2}><Tag>{t(TASK_TYPES[r.type] ?? r.type)}</Tag>{r.stage && <Tag color="blue">{stageLabel(r.stage, t)}</Tag>}</Space> },
          { title: t('事项'), render: (_: unknown, r) => { const to = taskLink(r); return to ? <Link to={to}>{r.title}</Link> : r.title; } },
          { title: t('部门'), render: (_: unknown, r) => r.department.name },
          { title: t('结果'), render: (_: unknown, r) => (r.outcome ? <Tag>{t(r.outcome)}</Tag> : null) },
          { title: t('办理人'), dataIndex: 'doneBy' },
          { title: t('办结时间'), render: (_: unknown, r) => new Date(r.doneAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) },
        ]} />
    </Space>
  );
}
