// Quality issues the caller may read (source department, reporter, oversight) with their fix deadlines, and the
// inspection results (runs per resource: score, rule failures, dimension scores) behind them.
import { useMutation, useQuery } from '@apollo/client';
import { Alert, Button, Form, Input, Modal, Radio, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useMemo, useState } from 'react';
import { InspectionRunsDocument, QualityIssuesDocument, ResolveQualityIssueDocument, VerifyQualityIssueDocument } from '../../gql/quality';
import { type QualityIssuesQuery, type QualityIssueStatus } from '../../gql/graphql';
import { messageOf, showFieldErrors } from '../../errors';
import { useT } from '../../i18n';
import { REFRESH_TASKS } from './tasks-query';
import { Deadline, day } from '../common';

const COLOR: Record<QualityIssueStatus, string> = { OPEN: 'red', REOPENED: 'volcano', FIXED: 'blue', VERIFIED: 'green' };

export default function Quality() {
  const t = useT();
  const [status, setStatus] = useState<QualityIssueStatus | 'ALL'>('ALL');
  const [overdue, setOverdue] = useState(false);
  const [params] = useSearchParams();
  const [resolving, setResolving] = useState<Issue | null>(null);
  const [verifying, setVerifying] = useState<Issue | null>(null);
  const { data, error, loading, refetch } = useQuery(QualityIssuesDocument, { variables: { first: 100, filter: { status: status === 'ALL' ? null : status, overdue: overdue || null } } });
  const issues = data?.qualityIssues?.edges.map((e) => e.node) ?? [];
  const resources = useMemo(() => [...new Map(issues.map((i) => [i.resourceId, i.resource?.name ?? i.resourceId])).entries()], [issues]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('数据质量')}</Typography.Title>
      {error && <Alert type="error" message={messageOf(error)} />}
      <Tabs items={[
        { key: 'issues', label: `${t('质量问题')} (${data?.qualityIssues?.totalCount ?? 0})`, children: (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Radio.Group value={status} onChange={(e) => setStatus(e.target.value)} optionType="button"
                options={(['ALL', 'OPEN', 'REOPENED', 'FIXED', 'VERIFIED'] as const).map((s) => ({ value: s, label: s === 'ALL' ? t('全部') : t(s) }))} />
              <Radio.Group value={overdue} onChange={(e) => setOverdue(e.target.value)} optionType="button" options={[{ value: false, label: t('全部') }, { value: true, label: t('逾期') }]} />
            </Space>
            <Table size="small" rowKey="id" loading={loading && !data} data-testid="quality-issues" dataSource={issues} pagination={{ pageSize: 100, hideOnSinglePage: true }}
              rowClassName={(i) => (i.id === params.get('id') ? 'ant-table-row-selected' : '')}
              columns={[
                { title: t('资源'), render: (_: unknown, i) => i.resource?.name ?? i.resourceId },
                { title: t('部门'), render: (_: unknown, i) => i.department.name },
                { title: t('来源'), render: (_: unknown, i) => t(i.source) },
                { title: t('描述'), dataIndex: 'description' },
                { title: t('规则'), render: (_: unknown, i) => i.ruleCode ? `${i.ruleCode}${i.affectedCount != null ? ` (${i.affectedCount})` : ''}` : '' },
                { title: t('状态'), render: (_: unknown, i) => <Space size={2}><Tag color={COLOR[i.status]}>{t(i.status)}</Tag>{i.round > 1 && <Tag>{t('第')}{i.round}{t('轮')}</Tag>}</Space> },
                { title: t('整改期限'), render: (_: unknown, i) => (i.status === 'OPEN' || i.status === 'REOPENED')
                  ? <Space direction="vertical" size={0}><Deadline at={i.deadline} day={i.deadlineDay} official={i.deadlineOfficial} overdue={i.overdue} pending /><Typography.Text type="secondary">{i.workingDays} {t('个工作日')}</Typography.Text></Space>
                  : (i.overdue ? <Tag color="red">{t('曾逾期')}</Tag> : null) },
                { title: t('说明'), dataIndex: 'explanation' },
                { title: t('时间'), render: (_: unknown, i) => day(i.createdAt) },
                { title: '', render: (_: unknown, i) => (i.status === 'OPEN' || i.status === 'REOPENED') ? <Button size="small" onClick={() => setResolving(i)}>{t('整改说明')}</Button>
                  : i.status === 'FIXED' && !i.ruleCode ? <Button size="small" onClick={() => setVerifying(i)}>{t('核验')}</Button> : null },
              ]} />
            {verifying && <VerifyModal issue={verifying} onClose={async (done) => { setVerifying(null); if (done) await refetch(); }} />}
            {resolving && <ResolveModal issue={resolving} onClose={async (done) => { setResolving(null); if (done) await refetch(); }} />}
          </Space>) },
        { key: 'runs', label: t('检查结果'), children: <Inspections resources={resources} /> },
      ]} />
    </Space>
  );
}

type Issue = NonNullable<QualityIssuesQuery['qualityIssues']>['edges'][number]['node'];

/** The source department explains or fixes the data (OPEN/REOPENED → FIXED); the platform then verifies. */
function ResolveModal({ issue, onClose }: { issue: Issue; onClose: (done: boolean) => void }) {
  const t = useT();
  const [form] = Form.useForm<{ explanation: string }>();
  const [resolve, { loading }] = useMutation(ResolveQualityIssueDocument, REFRESH_TASKS);
  const [failure, setFailure] = useState<string>();
  const submit = async ({ explanation }: { explanation: string }) => {
    setFailure(undefined);
    try {
      await resolve({ variables: { id: issue.id, explanation } });
      onClose(true);
    } catch (e) {
      if (showFieldErrors(form, e, ['explanation']).length || !form.getFieldError('explanation').length) setFailure(messageOf(e));
    }
  };
  return (
    <Modal open title={`${t('整改说明')} · ${issue.resource?.name ?? issue.resourceId}`} onCancel={() => onClose(false)} onOk={() => form.submit()} confirmLoading={loading}>
      {failure && <Alert type="error" message={failure} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph>{issue.description}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="explanation" label={t('如何解释或更正了数据')} rules={[{ required: true, whitespace: true, message: t('必填') }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The platform verifies a fix no rule can re-check: VERIFIED, or REOPENED with a new deadline (the note is required). */
function VerifyModal({ issue, onClose }: { issue: Issue; onClose: (done: boolean) => void }) {
  const t = useT();
  const [form] = Form.useForm<{ accepted: boolean; note: string }>();
  const [verify, { loading }] = useMutation(VerifyQualityIssueDocument, REFRESH_TASKS);
  const [failure, setFailure] = useState<string>();
  const submit = async ({ accepted, note }: { accepted: boolean; note: string }) => {
    setFailure(undefined);
    try {
      await verify({ variables: { id: issue.id, accepted, note } });
      onClose(true);
    } catch (e) {
      if (showFieldErrors(form, e, ['note']).length || !form.getFieldError('note').length) setFailure(messageOf(e));
    }
  };
  return (
    <Modal open title={`${t('核验')} · ${issue.resource?.name ?? issue.resourceId}`} onCancel={() => onClose(false)} onOk={() => form.submit()} confirmLoading={loading}>
      {failure && <Alert type="error" message={failure} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph>{issue.description}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{issue.explanation}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ accepted: true }} onFinish={(v) => void submit(v)}>
        <Form.Item name="accepted" label={t('核验结果')}>
          <Radio.Group options={[{ value: true, label: t('整改有效') }, { value: false, label: t('重新整改') }]} />
        </Form.Item>
        <Form.Item name="note" label={t('核验说明')} rules={[{ required: true, whitespace: true, message: t('必填') }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Inspections({ resources }: { resources: Array<[string, string]> }) {
  const t = useT();
  const [picked, setPicked] = useState<string>();
  const resourceId = picked ?? resources[0]?.[0];
  const { data, error, loading } = useQuery(InspectionRunsDocument, { variables: { resourceId: resourceId ?? '', last: 30 }, skip: !resourceId });
  const runs = data?.inspectionRuns ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <label htmlFor="inspection-resource">{t('资源')}</label>
      <Select id="inspection-resource" style={{ width: 420 }} value={resourceId} onChange={setPicked} options={resources.map(([value, label]) => ({ value, label }))} />
      {error && <Alert type="error" message={messageOf(error)} />}
      <Table size="small" rowKey="id" loading={loading} data-testid="inspection-runs" dataSource={runs}
        expandable={{ expandedRowRender: (r) => (
          <Table size="small" rowKey="ruleCode" pagination={false} dataSource={r.results}
            columns={[{ title: t('规则'), dataIndex: 'ruleCode' }, { title: t('检查'), dataIndex: 'check' }, { title: t('维度'), dataIndex: 'dimension' },
              { title: t('检查数'), dataIndex: 'checked' }, { title: t('不合格'), dataIndex: 'failed' }]} />) }}
        columns={[
          { title: t('时间'), render: (_: unknown, r) => r.startedAt.slice(0, 16).replace('T', ' ') },
          { title: t('触发'), dataIndex: 'trigger' },
          { title: t('状态'), render: (_: unknown, r) => <Tag color={r.status === 'DONE' ? 'green' : r.status === 'FAILED' ? 'red' : 'blue'}>{r.status}</Tag> },
          { title: t('记录数'), dataIndex: 'recordCount' },
          { title: t('得分'), render: (_: unknown, r) => (r.score == null ? '—' : r.score.toFixed(1)) },
          { title: t('维度得分'), render: (_: unknown, r) => <Space wrap size={2}>{r.dimensionScores.map((d) => <Tag key={d.dimension}>{d.dimension} {d.score == null ? '—' : d.score.toFixed(1)}</Tag>)}</Space> },
          { title: t('原因'), dataIndex: 'error' },
        ]} />
    </Space>
  );
}
