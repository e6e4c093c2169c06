// A public user's own applications and complaints / feedback, each with its deadline (date + calendar) and outcome.
import { useQuery } from '@apollo/client';
import { Alert, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { MyOpenDataApplicationsDocument, MyOpenDataCasesDocument } from '../gql/opendata-public';
import { messageOf } from '../errors';
import { useT } from '../i18n';
import { Deadline, day } from './common';

const COLOR: Record<string, string> = { SUBMITTED: 'blue', APPROVED: 'green', REFUSED: 'red', OPEN: 'blue', ANSWERED: 'green' };

export default function Mine() {
  const t = useT();
  const apps = useQuery(MyOpenDataApplicationsDocument, { variables: { first: 100 } });
  const cases = useQuery(MyOpenDataCasesDocument, { variables: { first: 100 } });
  // A new application's or case's deadline is set by its workflow a moment later: poll until every open one has it.
  const waiting = (apps.data?.openDataApplications?.edges ?? []).some((e) => e.node.status === 'SUBMITTED' && !e.node.decisionDeadline)
    || (cases.data?.openDataCases?.edges ?? []).some((e) => e.node.status === 'OPEN' && !e.node.answerDeadline);
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => { void apps.refetch(); void cases.refetch(); }, 2000);
    return () => clearInterval(timer);
  }, [waiting]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('我的申请')}</Typography.Title>
      {apps.error && <Alert type="error" message={messageOf(apps.error)} />}
      {cases.error && <Alert type="error" message={messageOf(cases.error)} />}
      <Tabs items={[
        { key: 'apps', label: `${t('数据申请')} (${apps.data?.openDataApplications?.totalCount ?? 0})`, children: (
          <Table size="small" rowKey="id" data-testid="my-applications" loading={apps.loading && !apps.data} dataSource={apps.data?.openDataApplications?.edges.map((e) => e.node) ?? []}
            columns={[
              { title: t('数据集'), render: (_: unknown, a) => <Link to={`/portal/datasets/${a.datasetId}`}>{a.dataset?.name ?? a.datasetId}</Link> },
              { title: t('使用目的'), dataIndex: 'purpose' },
              { title: t('使用期限'), render: (_: unknown, a) => `${a.periodFrom} – ${a.periodTo}` },
              { title: t('提交时间'), render: (_: unknown, a) => day(a.createdAt) },
              { title: t('状态'), render: (_: unknown, a) => <Tag color={COLOR[a.status]}>{t(a.status)}</Tag> },
              { title: t('答复期限'), render: (_: unknown, a) => a.status === 'SUBMITTED' ? <Deadline at={a.decisionDeadline} official={a.deadlineCalendarOfficial} overdue={a.overdue} pending /> : day(a.decidedAt) },
              { title: t('理由'), dataIndex: 'decisionReason' },
            ]} />) },
        { key: 'cases', label: `${t('投诉与反馈')} (${cases.data?.openDataCases?.totalCount ?? 0})`, children: (
          <Table size="small" rowKey="id" data-testid="my-cases" dataSource={cases.data?.openDataCases?.edges.map((e) => e.node) ?? []}
            columns={[
              { title: t('类型'), render: (_: unknown, c) => t(c.type) },
              { title: t('分类'), render: (_: unknown, c) => t(c.category) },
              { title: t('数据集'), render: (_: unknown, c) => <Link to={`/portal/datasets/${c.datasetId}`}>{t('查看')}</Link> },
              { title: t('描述'), dataIndex: 'description' },
              { title: t('状态'), render: (_: unknown, c) => <Tag color={COLOR[c.status]}>{t(c.status)}</Tag> },
              { title: t('答复期限'), render: (_: unknown, c) => c.status === 'OPEN' ? <Deadline at={c.answerDeadline} official={c.deadlineCalendarOfficial} overdue={c.overdue} pending /> : day(c.answeredAt) },
              { title: t('答复'), render: (_: unknown, c) => [c.outcome && t(c.outcome), c.answer].filter(Boolean).join(' · ') },
            ]} />) },
      ]} />
    </Space>
  );
}
