// Grants the caller may read, and a try-out of a grant: QUERY shows the records as delivered (masked by the grade
// policy unless the grant is clear-text), VERIFY compares sent values without returning any record data.
import { useLazyQuery, useQuery } from '@apollo/client';
import { Alert, Button, Card, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { GrantedRecordsDocument, ShareGrantsDocument, VerifyRecordDocument } from '../../gql/sharing';
import { type ShareGrantsQuery } from '../../gql/graphql';
import { messageOf, showFieldErrors } from '../../errors';
import { useT } from '../../i18n';

type Grant = NonNullable<ShareGrantsQuery['shareGrants']>['edges'][number]['node'];

export default function Grants() {
  const t = useT();
  const { data, error, loading } = useQuery(ShareGrantsDocument, { variables: { first: 50 } });
  const [grant, setGrant] = useState<Grant | null>(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('共享授权')}</Typography.Title>
      {error && <Alert type="error" message={messageOf(error)} />}
      <Table size="small" rowKey="id" loading={loading && !data} dataSource={data?.shareGrants?.edges.map((e) => e.node)}
        columns={[
          { title: t('资源'), render: (_, g) => g.resource?.name ?? g.resourceId },
          { title: t('使用方'), dataIndex: 'consumerDepartmentId' },
          { title: t('数据项授权'), render: (_, g) => g.items.join(', ') },
          { title: t('使用方式'), dataIndex: 'usageMode' },
          { title: t('状态'), render: (_, g) => <Space><Tag>{g.status}</Tag>{g.clearText ? <Tag color="orange">{t('明文')}</Tag> : <Tag>{t('掩码')}</Tag>}{g.agreementSigned && <Tag color="green">{t('协议已签')}</Tag>}</Space> },
          { title: t('到期'), render: (_, g) => g.expiresAt.slice(0, 10) },
          { title: '', render: (_, g) => <Button size="small" onClick={() => setGrant(g)}>{t('试用')}</Button> },
        ]} />
      {grant && <TryOut grant={grant} key={grant.id} />}
    </Space>
  );
}

function TryOut({ grant }: { grant: Grant }) {
  const t = useT();
  const [query, q] = useLazyQuery(GrantedRecordsDocument, { fetchPolicy: 'network-only' });
  const [verify, v] = useLazyQuery(VerifyRecordDocument, { fetchPolicy: 'network-only' });
  const [form] = Form.useForm<Record<string, string>>();
  const records = q.data?.grantedRecords?.edges.map((e) => e.node) ?? [];
  const onVerify = async (values: Record<string, string>) => {
    const fields = Object.entries(values).filter(([, val]) => val).map(([name, value]) => ({ name, value }));
    const res = await verify({ variables: { grantId: grant.id, fields } });
    if (res.error) showFieldErrors(form, res.error, grant.items);
  };
  return (
    <Card title={`${t('试用')}: ${grant.resource?.name ?? grant.resourceId}`} data-testid="tryout">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button onClick={() => void query({ variables: { grantId: grant.id, first: 10 } })}>{t('查询')} (QUERY)</Button>
        {q.error && <Alert type="error" message={messageOf(q.error)} />}
        {q.data && (
          <Table size="small" rowKey="id" pagination={false} dataSource={records} data-testid="records"
            columns={(records[0]?.fields ?? []).map((f, i) => ({
              title: f.name, key: f.name,
              render: (_: unknown, r: (typeof records)[number]) => <span>{r.fields[i]?.value} {r.fields[i]?.treatment !== 'CLEAR' && <Tag color="purple">{r.fields[i]?.treatment}</Tag>}</span>,
            }))} />
        )}
        <Typography.Title level={4}>{t('核验')} (VERIFY)</Typography.Title>
        <Form form={form} layout="inline" onFinish={(vals) => void onVerify(vals)}>
          {grant.items.map((name) => <Form.Item key={name} name={name} label={name}><Input /></Form.Item>)}
          <Form.Item><Button htmlType="submit">{t('核验')}</Button></Form.Item>
        </Form>
        {v.error && <Alert type="error" message={messageOf(v.error)} />}
        {v.data && <Alert type={v.data.verifyRecord?.match ? 'success' : 'warning'}
          message={v.data.verifyRecord?.match ? t('一致') : `${t('不一致')} · ${t('不一致字段')}: ${v.data.verifyRecord?.differingFields.join(', ')}`} />}
      </Space>
    </Card>
  );
}
