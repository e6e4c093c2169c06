// A public user's personal API keys: create (the secret is shown once), list, revoke.
import { useMutation, useQuery } from '@apollo/client';
import { Alert, Button, Form, Input, InputNumber, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { MyOpenDataApiKeysDocument } from '../gql/opendata';
import { CreateOpenDataApiKeyDocument, RevokeOpenDataApiKeyDocument } from '../gql/opendata-public';
import { messageOf, showFieldErrors } from '../errors';
import { useT } from '../i18n';
import { day } from './common';

export default function ApiKeys() {
  const t = useT();
  const { data, error, refetch } = useQuery(MyOpenDataApiKeysDocument);
  const [create, creating] = useMutation(CreateOpenDataApiKeyDocument);
  const [revoke] = useMutation(RevokeOpenDataApiKeyDocument);
  const [form] = Form.useForm<{ name: string; expiresInDays: number }>();
  const [secret, setSecret] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const submit = async (v: { name: string; expiresInDays: number }) => {
    setFailure(undefined);
    try {
      const r = await create({ variables: { name: v.name ?? '', expiresInDays: v.expiresInDays } });
      setSecret(r.data?.createOpenDataApiKey.secret);
      form.resetFields();
      await refetch();
    } catch (e) {
      const rest = showFieldErrors(form, e, ['name', 'expiresInDays']);
      if (rest.length || !form.getFieldsError().some((f) => f.errors.length)) setFailure(messageOf(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('API 密钥')}</Typography.Title>
      {error && <Alert type="error" message={messageOf(error)} />}
      {failure && <Alert type="error" message={failure} />}
      {secret && <Alert type="success" data-testid="secret" message={t('密钥只显示这一次，请妥善保存')} description={<Typography.Text copyable code>{secret}</Typography.Text>} />}
      <Form form={form} layout="inline" initialValues={{ expiresInDays: 365 }} onFinish={(v) => void submit(v)} data-testid="key-form">
        <Form.Item name="name" label={t('名称')}><Input style={{ width: 220 }} /></Form.Item>
        <Form.Item name="expiresInDays" label={t('有效天数')}><InputNumber /></Form.Item>
        <Button type="primary" htmlType="submit" loading={creating.loading}>{t('创建密钥')}</Button>
      </Form>
      <Table size="small" rowKey="id" pagination={false} dataSource={data?.myOpenDataApiKeys ?? []} data-testid="keys"
        columns={[
          { title: t('名称'), dataIndex: 'name' },
          { title: t('前缀'), dataIndex: 'prefix' },
          { title: t('创建时间'), render: (_: unknown, k) => day(k.createdAt) },
          { title: t('到期'), render: (_: unknown, k) => day(k.expiresAt) },
          { title: t('最近使用'), render: (_: unknown, k) => day(k.lastUsedAt) },
          { title: t('状态'), render: (_: unknown, k) => (k.revokedAt ? <Tag>{t('已吊销')}</Tag> : <Tag color="green">{t('有效')}</Tag>) },
          { title: '', render: (_: unknown, k) => !k.revokedAt && (
            <Popconfirm title={t('吊销后该密钥立即失效')} onConfirm={async () => { await revoke({ variables: { id: k.id } }); await refetch(); }}>
              <Button size="small" danger>{t('吊销')}</Button>
            </Popconfirm>) },
        ]} />
    </Space>
  );
}
