// A department's webhooks (issue 14 §4): each notice addressed to the department is POSTed to its receivers, signed with
// HMAC-SM3 (the secret is shown once, at registration); the administrator registers, disables and removes them and reads
// each one's deliveries (status, attempts, last error, response code). The authority lists its regions' webhooks.
import { useMutation, useQuery } from '@apollo/client';
import { Alert, Button, Checkbox, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { MeDocument } from '../../gql/portal';
import { DepartmentWebhooksDocument, DisableDepartmentWebhookDocument, EnableDepartmentWebhookDocument, RegisterDepartmentWebhookDocument, RemoveDepartmentWebhookDocument, WebhookDeliveriesDocument } from '../../gql/webhooks';
import { type DepartmentWebhooksQuery } from '../../gql/graphql';
import { messageOf } from '../../errors';
import { useT } from '../../i18n';
import { FormModal } from './FormModal';

type Webhook = NonNullable<DepartmentWebhooksQuery['departmentWebhooks']>[number];
const KINDS = [['TASK', '待办'], ['DECISION', '决定通知'], ['ESCALATION', '超期督办'], ['REMINDER', '到期提醒']] as const;
const DELIVERY_COLOR: Record<string, string> = { PENDING: 'blue', DELIVERED: 'green', FAILED: 'red', CANCELLED: 'default' };
const DELIVERY_LABEL: Record<string, string> = { PENDING: '待投递', DELIVERED: '已送达', FAILED: '投递失败', CANCELLED: '已取消' };
const when = (iso?: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '');

export default function Webhooks() {
  const t = useT();
  const me = useQuery(MeDocument).data?.me;
  // A department administrator manages its department's webhooks; the authority and the platform operator theirs too
  // (and may opt in to the notices addressed to their role in their region).
  const admin = !!me?.roles.some((r) => r === 'dept-admin' || r === 'authority' || r === 'platform-operator');
  const regional = !!me?.roles.some((r) => r === 'authority' || r === 'platform-operator');
  const { data, error, loading, refetch } = useQuery(DepartmentWebhooksDocument, { variables: { departmentId: null } });
  const [disable] = useMutation(DisableDepartmentWebhookDocument);
  const [enable] = useMutation(EnableDepartmentWebhookDocument);
  const [remove] = useMutation(RemoveDepartmentWebhookDocument);
  const [registering, setRegistering] = useState(false);
  const [secret, setSecret] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const act = async (run: () => Promise<unknown>) => {
    setFailure(undefined);
    try { await run(); await refetch(); } catch (e) { setFailure(messageOf(e)); }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('消息推送')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('发给本部门的通知（待办、决定、超期督办）按 HMAC-SM3 签名推送到登记的地址')}</Typography.Paragraph>
      {error && <Alert type="error" message={messageOf(error)} />}
      {failure && <Alert type="error" message={failure} closable onClose={() => setFailure(undefined)} />}
      {secret && <Alert type="success" data-testid="webhook-secret" closable onClose={() => setSecret(undefined)} message={t('签名密钥只显示这一次，请妥善保存')}
        description={<Typography.Text copyable code>{secret}</Typography.Text>} />}
      {admin && <Button type="primary" onClick={() => setRegistering(true)} style={{ alignSelf: 'flex-start' }}>{t('登记推送地址')}</Button>}
      <Table size="small" rowKey="id" loading={loading && !data} data-testid="webhooks" dataSource={data?.departmentWebhooks ?? []}
        expandable={{ expandedRowRender: (w) => <Deliveries webhookId={w.id} /> }}
        columns={[
          { title: t('推送地址'), dataIndex: 'url' },
          { title: t('说明'), dataIndex: 'description' },
          { title: t('部门'), dataIndex: 'departmentId' },
          { title: t('通知类型'), render: (_: unknown, w: Webhook) => (
            <Space size={2} wrap>
              {w.kinds.length ? w.kinds.map((k) => <Tag key={k}>{t(KINDS.find(([v]) => v === k)?.[1] ?? k)}</Tag>) : <Tag>{t('全部')}</Tag>}
              {w.includeRegionNotices && <Tag color="purple">{t('含本地区岗位通知')}</Tag>}
            </Space>) },
          { title: t('状态'), render: (_: unknown, w: Webhook) => <Tag color={w.status === 'ACTIVE' ? 'green' : 'default'}>{t(w.status === 'ACTIVE' ? '启用' : '已停用')}</Tag> },
          { title: t('创建时间'), render: (_: unknown, w: Webhook) => when(w.createdAt) },
          { title: t('操作'), render: (_: unknown, w: Webhook) => admin && me?.departmentId === w.departmentId ? (
            <Space size={4}>
              {w.status === 'ACTIVE' && (
                <Popconfirm title={t('停用后不再推送，待投递的消息取消')} okText={t('停用')} cancelText={t('取消')} onConfirm={() => act(() => disable({ variables: { id: w.id } }))}>
                  <Button size="small">{t('停用')}</Button>
                </Popconfirm>)}
              {w.status === 'DISABLED' && <Button size="small" onClick={() => act(() => enable({ variables: { id: w.id } }))}>{t('重新启用')}</Button>}
              <Popconfirm title={t('删除推送地址及其投递记录？')} okText={t('删除')} cancelText={t('取消')} onConfirm={() => act(() => remove({ variables: { id: w.id } }))}>
                <Button size="small" danger>{t('删除')}</Button>
              </Popconfirm>
            </Space>) : null },
        ]} />
      {registering && <RegisterModal regional={regional} onClose={async (s) => { setRegistering(false); if (s) { setSecret(s); await refetch(); } }} />}
    </Space>
  );
}

function RegisterModal({ regional, onClose }: { regional: boolean; onClose: (secret: string | null) => void }) {
  const t = useT();
  const [register] = useMutation(RegisterDepartmentWebhookDocument);
  let secret: string | null = null;
  return (
    <FormModal<{ url: string; description?: string; kinds?: string[]; secret?: string; includeRegionNotices?: boolean }> title={t('登记推送地址')} fields={['url', 'description', 'kinds', 'secret', 'includeRegionNotices']}
      initialValues={{ kinds: [], includeRegionNotices: false }} onClose={(done) => onClose(done ? secret : null)}
      run={async (v) => {
        const res = await register({ variables: { input: { url: v.url.trim(), description: v.description?.trim() || null, kinds: v.kinds ?? [], secret: v.secret || null, includeRegionNotices: !!v.includeRegionNotices } } });
        secret = res.data!.registerDepartmentWebhook.secret;
      }}>
      <Form.Item name="url" label={t('推送地址')} extra="https://…" rules={[{ required: true, message: t('必填') }]}><Input /></Form.Item>
      <Form.Item name="description" label={t('说明')}><Input /></Form.Item>
      <Form.Item name="kinds" label={t('通知类型（不选为全部）')}>
        <Checkbox.Group options={KINDS.map(([value, label]) => ({ value, label: t(label) }))} />
      </Form.Item>
      <Form.Item name="secret" label={t('签名密钥（不填则自动生成）')}><Input.Password autoComplete="new-password" /></Form.Item>
      {regional && (
        <Form.Item name="includeRegionNotices" valuePropName="checked" extra={t('发给本地区主管部门或平台运营岗位的通知（如超期督办）也推送到此地址')}>
          <Checkbox>{t('含本地区岗位通知')}</Checkbox>
        </Form.Item>)}
    </FormModal>
  );
}

function Deliveries({ webhookId }: { webhookId: string }) {
  const t = useT();
  const { data, error, loading } = useQuery(WebhookDeliveriesDocument, { variables: { webhookId, first: 50, status: null }, fetchPolicy: 'network-only' });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {error && <Alert type="error" message={messageOf(error)} />}
      <Table size="small" rowKey="id" loading={loading} data-testid="webhook-deliveries" dataSource={data?.webhookDeliveries ?? []} pagination={false}
        locale={{ emptyText: <Typography.Text type="secondary">{t('暂无投递记录')}</Typography.Text> }}
        columns={[
          { title: t('时间'), render: (_: unknown, d) => when(d.createdAt) },
          { title: t('状态'), render: (_: unknown, d) => <Tag color={DELIVERY_COLOR[d.status]}>{t(DELIVERY_LABEL[d.status] ?? d.status)}</Tag> },
          { title: t('尝试次数'), dataIndex: 'attempts' },
          { title: t('响应码'), dataIndex: 'responseCode' },
          { title: t('最近错误'), dataIndex: 'lastError' },
          { title: t('送达时间'), render: (_: unknown, d) => when(d.deliveredAt) },
          { title: t('下次尝试'), render: (_: unknown, d) => (d.status === 'PENDING' ? when(d.nextAttemptAt) : '') },
        ]} />
    </Space>
  );
}
