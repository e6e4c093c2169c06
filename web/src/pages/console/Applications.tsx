// Share applications per approval stage; the party of the open step decides (a rejection needs its reason). The graph
// answers at once even when the approval workflow has not applied the decision yet (`pending`): the page says so.
import { useMutation, useQuery } from '@apollo/client';
import { Alert, Button, Form, Input, Modal, Radio, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { DecideShareApplicationDocument, ShareApplicationsDocument } from '../../gql/sharing';
import { type ApprovalStage, type ShareApplicationsQuery } from '../../gql/graphql';
import { messageOf, showFieldErrors } from '../../errors';
import { useT } from '../../i18n';
import { REFRESH_TASKS } from './tasks-query';

type App = NonNullable<ShareApplicationsQuery['shareApplications']>['edges'][number]['node'];
const STAGES: Record<ApprovalStage, string> = {
  COUNTY_ACCEPT: '县级受理', PROVIDER_REVIEW: '提供方审核', CITY_AUTHORITY_REVIEW: '市级主管审核', AUTHORITY_DECISION: '主管部门决定',
  ARBITRATION: '仲裁', FILING: '平台备案', DELIVERY: '提供方交付',
};

export default function Applications() {
  const t = useT();
  const [params] = useSearchParams();
  const { data, error, loading, refetch } = useQuery(ShareApplicationsDocument, { variables: { first: 100 } });
  const [deciding, setDeciding] = useState<App | null>(null);
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const apps = data?.shareApplications?.edges.map((e) => e.node) ?? [];
  const byStage = (s: ApprovalStage) => apps.filter((a) => a.stage === s && a.status === 'SUBMITTED');
  const columns = [
    { title: t('资源'), render: (_: unknown, a: App) => a.resource?.name ?? a.resourceId },
    { title: t('使用方'), render: (_: unknown, a: App) => a.consumerDepartment.name },
    { title: t('提供方'), render: (_: unknown, a: App) => a.providerDepartment.name },
    { title: t('场景'), dataIndex: 'scenario' },
    { title: t('状态'), render: (_: unknown, a: App) => <Space><Tag>{a.status}</Tag>{a.stage && a.status === 'SUBMITTED' && <Tag color="blue">{t(STAGES[a.stage])}</Tag>}{pending[a.id] && <Tag color="orange" data-testid="pending">{t('处理中')}</Tag>}</Space> },
    { title: t('环节期限'), render: (_: unknown, a: App) => a.stageDeadline && a.status === 'SUBMITTED' ? <span>{a.stageDeadline.slice(0, 16).replace('T', ' ')} {a.overdue && <Tag color="red">{t('已逾期')}</Tag>}</span> : null },
    { title: t('理由'), dataIndex: 'decisionReason' },
    { title: '', render: (_: unknown, a: App) => a.stage && a.status === 'SUBMITTED' ? <Button size="small" onClick={() => setDeciding(a)}>{t('决定')}</Button> : null },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('共享申请')}</Typography.Title>
      {error && <Alert type="error" message={messageOf(error)} />}
      <Tabs items={[
        { key: 'ALL', label: `${t('全部')} (${apps.length})`, children: <Table size="small" rowKey="id" loading={loading && !data} dataSource={apps} columns={columns} rowClassName={(a) => (a.id === params.get('id') ? 'ant-table-row-selected' : '')} /> },
        ...(Object.keys(STAGES) as ApprovalStage[]).map((s) => ({
          key: s, label: `${t(STAGES[s])} (${byStage(s).length})`,
          children: <Table size="small" rowKey="id" dataSource={byStage(s)} columns={columns} />,
        })),
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
  const [decide, { loading }] = useMutation(DecideShareApplicationDocument, REFRESH_TASKS);
  const [failure, setFailure] = useState<string>();
  const submit = async ({ approve, reason }: { approve: boolean; reason?: string }) => {
    setFailure(undefined);
    try {
      const res = await decide({ variables: { id: app.id, stage: app.stage!, approve, reason: reason || null } });
      onClose({ id: app.id, pending: res.data!.decideShareApplication.pending });
    } catch (e) {
      if (!showFieldErrors(form, e, ['reason']).length && !form.getFieldError('reason').length) setFailure(messageOf(e));
    }
  };
  return (
    <Modal open title={`${t('决定')} · ${t(STAGES[app.stage!])}`} onCancel={() => onClose(null)} onOk={() => form.submit()} confirmLoading={loading}>
      {failure && <Alert type="error" message={failure} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ approve: true }} onFinish={(v) => void submit(v)}>
        <Form.Item name="approve" label={t('决定')}>
          <Radio.Group options={[{ value: true, label: t('通过') }, { value: false, label: t('驳回') }]} />
        </Form.Item>
        <Form.Item noStyle dependencies={['approve']}>
          {({ getFieldValue }) => (
            <Form.Item name="reason" label={t('理由')} rules={[{ required: getFieldValue('approve') === false, message: t('驳回理由必填') }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
        </Form.Item>
      </Form>
    </Modal>
  );
}
