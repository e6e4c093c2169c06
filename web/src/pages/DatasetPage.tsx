// A dataset's page: metadata, data items, a download link per format (conditional data: apply instead), and how to
// read it through the API with the signed-in user's keys.
import { useQuery } from '@apollo/client';
import { Alert, Button, Descriptions, Space, Spin, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../auth';
import { MyOpenDataApiKeysDocument, OpenDataApiOriginDocument } from '../gql/opendata';
import { OpenDatasetPageDocument } from '../gql/portal';
import { messageOf } from '../errors';
import { useT } from '../i18n';

export function DatasetPage() {
  const t = useT();
  const { id } = useParams();
  const { user } = useAuth();
  const { data, loading, error } = useQuery(OpenDatasetPageDocument, { variables: { id: id! } });
  const d = data?.openDataset;
  if (loading && !d) return <Spin />;
  if (!d) return <Alert type={error ? 'error' : 'info'} message={error ? messageOf(error) : t('暂无数据')} />;
  const conditional = d.openType === 'CONDITIONAL';
  const link = (f: string) => d.distributions.find((x) => x.format === f);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large" data-testid="dataset-page">
      <Link to="/portal">← {t('返回')}</Link>
      <Typography.Title level={2}>{d.name}</Typography.Title>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('描述')} span={2}>{d.description}</Descriptions.Item>
        <Descriptions.Item label={t('发布部门')}>{d.publisher.name}</Descriptions.Item>
        <Descriptions.Item label={t('主题')}>{d.theme}</Descriptions.Item>
        <Descriptions.Item label={t('开放类型')}>{conditional ? t('有条件开放') : t('无条件开放')} ({d.openType} / {d.openMode})</Descriptions.Item>
        <Descriptions.Item label={t('格式')}>
          <Space wrap data-testid="formats">
            {d.formats.map((f) => {
              const dist = link(f);
              // Bulk files exist for UNCONDITIONAL published datasets only (003 §22); conditional data is applied for.
              return dist ? <a key={f} href={dist.downloadURL} download><Tag color="blue">{t('下载')} {f}</Tag></a> : <Tag key={f}>{f}</Tag>;
            })}
            {conditional && <Link to={`/portal/apply/${d.id}`}><Button type="primary" size="small">{t('申请')}</Button></Link>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('更新频率')}>{d.updateFrequency}</Descriptions.Item>
        <Descriptions.Item label={t('发布时间')}>{d.publishedAt?.slice(0, 10)}</Descriptions.Item>
      </Descriptions>
      <Space wrap>
        <Link to={`/portal/interact?dataset=${d.id}`}>{t('投诉与反馈')}</Link>
      </Space>
      {d.resource && (
        <>
          <Typography.Title level={3}>{t('数据项')}</Typography.Title>
          <Table size="small" rowKey="name" pagination={false} dataSource={d.resource.items}
            columns={[{ title: t('名称'), dataIndex: 'name' }, { title: t('类型'), dataIndex: 'type' }, { title: t('长度'), dataIndex: 'length' },
              { title: t('敏感级别'), dataIndex: 'sensitivity' }]} />
        </>
      )}
      <Typography.Title level={3}>{t('接口调用')}</Typography.Title>
      {user ? <ApiInstructions id={d.id} conditional={conditional} own={d.distributions[0]?.downloadURL} />
        : <Alert type="info" message={t('登录后可使用个人 API 密钥调用接口')} />}
    </Space>
  );
}

function ApiInstructions({ id, conditional, own }: { id: string; conditional: boolean; own?: string }) {
  const t = useT();
  const keys = useQuery(MyOpenDataApiKeysDocument);
  // The data API lives beside the download route on the open-data service: its origin is that of any download URL.
  const origin = useQuery(OpenDataApiOriginDocument, { skip: !!own });
  const sample = own ?? origin.data?.openDatasets?.edges.flatMap((e) => e.node.distributions)[0]?.downloadURL;
  const api = sample ? `${new URL(sample).origin}/open-data/api/datasets/${id}/records` : `/open-data/api/datasets/${id}/records`;
  const active = (keys.data?.myOpenDataApiKeys ?? []).filter((k) => !k.revokedAt && new Date(k.expiresAt) > new Date());
  const gql = `curl -s ${window.location.origin}/graphql -H 'content-type: application/json' -H 'authorization: Bearer <token>' \\\n  -d '{"query":"query($id: ID!){ openDatasetRecords(id: $id, first: 100) { columns records { fields { name value } } endCursor hasNextPage } }","variables":{"id":"${id}"}}'`;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="api-instructions">
      {keys.error && <Alert type="error" message={messageOf(keys.error)} />}
      {conditional && <Alert type="warning" message={t('有条件开放数据仅对申请已通过的用户返回')} />}
      <Typography.Text>{t('我的 API 密钥')}: {active.length ? active.map((k) => <Tag key={k.id}>{k.name} · {k.prefix}…</Tag>) : t('暂无')} <Link to="/portal/keys">{t('管理密钥')}</Link></Typography.Text>
      <pre style={{ background: '#f6f6f6', padding: 12, overflowX: 'auto' }}>{`curl -s '${api}?first=100' -H 'x-api-key: ${active[0] ? `${active[0].prefix}…` : '<key>'}'`}</pre>
      <pre style={{ background: '#f6f6f6', padding: 12, overflowX: 'auto' }}>{gql}</pre>
    </Space>
  );
}
