// Government digital projects through their steps (plan → review → approval → construction → acceptance → operation):
// the current step's working-day deadline (date + calendar), overdue steps, and each project's history as a timeline.
import { useQuery } from '@apollo/client';
import { Alert, Radio, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { DigitalProjectsDocument, type DigitalProjectStatus } from '../../gql/graphql';
import { messageOf } from '../../errors';
import { useT } from '../../i18n';
import { Deadline } from '../common';

const CLOSED: DigitalProjectStatus[] = ['REJECTED', 'TERMINATED', 'IN_OPERATION', 'ACCEPTED'];

export default function Projects() {
  const t = useT();
  const [overdue, setOverdue] = useState(false);
  const { data, error, loading } = useQuery(DigitalProjectsDocument, { variables: { first: 100, filter: overdue ? { overdue: true } : null } });
  const rows = data?.digitalProjects?.edges.map((e) => e.node) ?? [];
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
        ]} />
    </Space>
  );
}
