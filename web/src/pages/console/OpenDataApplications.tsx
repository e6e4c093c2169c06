// 开放申请: conditional open-data applications waiting on the publisher department (7 working days, 000 §21); the
// publisher approves or refuses with its reasons. The graph answers at once even when the workflow has not applied it yet.
import { useMutation, useQuery } from '@apollo/client';
import { Alert, Button, Form, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { DecideOpenDataApplicationDocument, PublisherOpenDataApplicationsDocument, type PublisherOpenDataApplicationsQuery } from '../../gql/graphql';
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
        ]} />
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
