// 开放申请: conditional open-data applications waiting on the publisher department (7 working days, 000 §21); the
// publisher approves or refuses with its reasons. The graph answers at once even when the workflow has not applied it yet.
import { useMutation, useQuery } from '@apollo/client';
import { Alert, Button, Form, Input, Modal, Radio, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { AnswerOpenDataCaseDocument, DecideOpenDataApplicationDocument, PublisherOpenDataApplicationsDocument, PublisherOpenDataCasesDocument } from '../../gql/opendata-publisher';
import { type OpenDataCaseOutcome, type PublisherOpenDataApplicationsQuery, type PublisherOpenDataCasesQuery } from '../../gql/graphql';
import { messageOf, showFieldErrors } from '../../errors';
import { useT } from '../../i18n';
import { REFRESH_TASKS } from './tasks-query';
import { Deadline } from '../common';

type App = NonNullable<PublisherOpenDataApplicationsQuery['openDataApplications']>['edges'][number]['node'];

export default function OpenDataApplications() {
  const t = useT();
  const [params] = useSearchParams();
  const { data, error, loading, refetch } = useQuery(PublisherOpenDataApplicationsDocument, { variables: { first: 100 }, fetchPolicy: 'cache-and-network' });
  const [deciding, setDeciding] = useState<App | null>(null);
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const apps = data?.openDataApplications?.edges.map((e) => e.node) ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('开放申请')}</Typography.Title>
      {error && <Alert type="error" message={messageOf(error)} />}
      <Tabs defaultActiveKey={params.get('tab') ?? 'applications'} items={[{ key: 'applications', label: t('数据申请'), children: (
      <Table size="small" rowKey="id" loading={loading && !data} data-testid="open-data-applications" dataSource={apps}
        rowClassName={(a) => (a.id === params.get('id') ? 'ant-table-row-selected' : '')}
        columns={[
          { title: t('申请主体'), render: (_: unknown, a: App) => `${a.applicantName} (${t(a.applicantKind === 'PERSON' ? '个人' : '法人或其他组织')})` },
          { title: t('需求类型'), dataIndex: 'demandType' },
          { title: t('使用目的'), dataIndex: 'purpose' },
          { title: t('使用期限'), render: (_: unknown, a: App) => `${a.periodFrom} ~ ${a.periodTo}` },
          { title: t('状态'), render: (_: unknown, a: App) => <Space size={2}><Tag>{t(a.status)}</Tag>{pending[a.id] && <Tag color="orange" data-testid="pending">{t('处理中')}</Tag>}</Space> },
          { title: t('审核期限'), render: (_: unknown, a: App) => a.status === 'SUBMITTED' ? <Deadline at={a.decisionDeadline} official={a.deadlineCalendarOfficial} overdue={a.overdue} pending /> : null },
          { title: t('理由'), dataIndex: 'decisionReason' },
          { title: '', render: (_: unknown, a: App) => a.status === 'SUBMITTED' && !pending[a.id] ? <Button size="small" onClick={() => setDeciding(a)}>{t('决定')}</Button> : null },
        ]} />) },
      { key: 'cases', label: t('投诉与反馈'), children: <Cases selected={params.get('id')} /> }]} />
      {deciding && <DecideModal app={deciding} onClose={async (result) => {
        setDeciding(null);
        if (result) { setPending((p) => ({ ...p, [result.id]: result.pending })); await refetch(); }
      }} />}
    </Space>
  );
}

function DecideModal({ app, onClose }: { app: App; onClose: (r: { id: string; pending: boolean } | null) => void }) {
  const t = useT();
  const [form] = Form.useForm<{ approve: boolean; reason?: string }>();
  const [decide, { loading }] = useMutation(DecideOpenDataApplicationDocument, REFRESH_TASKS);
  const [failure, setFailure] = useState<string>();
  const submit = async ({ approve, reason }: { approve: boolean; reason?: string }) => {
    setFailure(undefined);
    try {
      const res = await decide({ variables: { input: { id: app.id, approve, reason: reason || null } } });
      onClose({ id: app.id, pending: res.data!.decideOpenDataApplication.decisionPending });
    } catch (e) {
      if (showFieldErrors(form, e, ['reason']).length || !form.getFieldError('reason').length) setFailure(messageOf(e));
    }
  };
  return (
    <Modal open title={`${t('决定')} · ${app.applicantName}`} onCancel={() => onClose(null)} onOk={() => form.submit()} confirmLoading={loading}>
      {failure && <Alert type="error" message={failure} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ approve: true }} onFinish={(v) => void submit(v)}>
        <Form.Item name="approve" label={t('决定')}>
          <Radio.Group options={[{ value: true, label: t('通过') }, { value: false, label: t('不予开放') }]} />
        </Form.Item>
        <Form.Item noStyle dependencies={['approve']}>
          {({ getFieldValue }) => (
            <Form.Item name="reason" label={t('理由')} rules={[{ required: getFieldValue('approve') === false, message: t('不予开放须说明理由') }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
        </Form.Item>
      </Form>
    </Modal>
  );
}

type Case = NonNullable<PublisherOpenDataCasesQuery['openDataCases']>['edges'][number]['node'];

/** Complaints and feedback on the department's datasets, answered within 10 working days (003 §17, §24). */
function Cases({ selected }: { selected: string | null }) {
  const t = useT();
  const { data, error, loading, refetch } = useQuery(PublisherOpenDataCasesDocument, { variables: { first: 100 }, fetchPolicy: 'cache-and-network' });
  const [answering, setAnswering] = useState<Case | null>(null);
  const cases = data?.openDataCases?.edges.map((e) => e.node) ?? [];
  return (
    <>
      {error && <Alert type="error" message={messageOf(error)} />}
      <Table size="small" rowKey="id" loading={loading && !data} data-testid="open-data-cases" dataSource={cases}
        rowClassName={(c) => (c.id === selected ? 'ant-table-row-selected' : '')}
        columns={[
          { title: t('类型'), render: (_: unknown, c: Case) => <Space size={2}><Tag>{t(c.type)}</Tag><Tag>{t(c.category)}</Tag></Space> },
          { title: t('描述'), dataIndex: 'description' },
          { title: t('状态'), render: (_: unknown, c: Case) => <Tag>{t(c.status)}</Tag> },
          { title: t('答复期限'), render: (_: unknown, c: Case) => c.status === 'OPEN' ? <Deadline at={c.answerDeadline} official={c.deadlineCalendarOfficial} overdue={c.overdue} pending /> : null },
          { title: t('答复'), render: (_: unknown, c: Case) => c.answer ? `${c.outcome ? `${t(c.outcome)}：` : ''}${c.answer}` : null },
          { title: '', render: (_: unknown, c: Case) => c.status === 'OPEN' ? <Button size="small" onClick={() => setAnswering(c)}>{t('答复')}</Button> : null },
        ]} />
      {answering && <AnswerModal item={answering} onClose={async (done) => { setAnswering(null); if (done) await refetch(); }} />}
    </>
  );
}

function AnswerModal({ item, onClose }: { item: Case; onClose: (done: boolean) => void }) {
  const t = useT();
  const [form] = Form.useForm<{ answer: string; outcome?: OpenDataCaseOutcome }>();
  const [answer, { loading }] = useMutation(AnswerOpenDataCaseDocument, REFRESH_TASKS);
  const [failure, setFailure] = useState<string>();
  const submit = async (v: { answer: string; outcome?: OpenDataCaseOutcome }) => {
    setFailure(undefined);
    try {
      await answer({ variables: { input: { id: item.id, answer: v.answer, outcome: item.type === 'COMPLAINT' ? v.outcome ?? null : null } } });
      onClose(true);
    } catch (e) {
      if (showFieldErrors(form, e, ['answer', 'outcome']).length || (!form.getFieldError('answer').length && !form.getFieldError('outcome').length)) setFailure(messageOf(e));
    }
  };
  return (
    <Modal open title={`${t('答复')} · ${t(item.type)}`} onCancel={() => onClose(false)} onOk={() => form.submit()} confirmLoading={loading}>
      {failure && <Alert type="error" message={failure} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph>{item.description}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        {item.type === 'COMPLAINT' && (
          <Form.Item name="outcome" label={t('处理结果')}>
            <Select allowClear options={(['TERMINATE', 'RESTORE', 'RESTORE_AFTER_PROCESSING'] as const).map((o) => ({ value: o, label: t(o) }))} />
          </Form.Item>
        )}
        <Form.Item name="answer" label={t('答复内容')} rules={[{ required: true, whitespace: true, message: t('必填') }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
