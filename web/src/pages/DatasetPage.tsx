// A dataset's page: metadata, its data items, and how to read it through the graph.
import { useQuery } from '@apollo/client';
import { Alert, Descriptions, Space, Spin, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { OpenDatasetPageDocument } from '../gql/graphql';
import { messageOf } from '../errors';
import { useT } from '../i18n';

export function DatasetPage() {
  const t = useT();
  const { id } = useParams();
  const { data, loading, error } = useQuery(OpenDatasetPageDocument, { variables: { id: id! } });
  const d = data?.openDataset;
  if (loading && !d) return <Spin />;
  if (!d) return <Alert type={error ? 'error' : 'info'} message={error ? messageOf(error) : t('暂无数据')} />;
  const example = `curl -s ${window.location.origin}/graphql -H 'content-type: application/json' \\\n  -d '{"query":"query($id: ID!){ openDataset(id: $id) { name formats updateFrequency } }","variables":{"id":"${d.id}"}}'`;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large" data-testid="dataset-page">
      <Link to="/portal">← {t('返回')}</Link>
      <Typography.Title level={2}>{d.name}</Typography.Title>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('描述')} span={2}>{d.description}</Descriptions.Item>
        <Descriptions.Item label={t('发布部门')}>{d.publisher.name}</Descriptions.Item>
        <Descriptions.Item label={t('主题')}>{d.theme}</Descriptions.Item>
        <Descriptions.Item label={t('开放类型')}>{d.openType} / {d.openMode}</Descriptions.Item>
        <Descriptions.Item label={t('格式')}>{d.formats.map((f) => <Tag key={f}>{f}</Tag>)}</Descriptions.Item>
        <Descriptions.Item label={t('更新频率')}>{d.updateFrequency}</Descriptions.Item>
        <Descriptions.Item label={t('发布时间')}>{d.publishedAt?.slice(0, 10)}</Descriptions.Item>
      </Descriptions>
      {d.resource && (
        <>
          <Typography.Title level={3}>{t('数据项')}</Typography.Title>
          <Table size="small" rowKey="name" pagination={false} dataSource={d.resource.items}
            columns={[{ title: t('名称'), dataIndex: 'name' }, { title: t('类型'), dataIndex: 'type' }, { title: t('长度'), dataIndex: 'length' },
              { title: t('敏感级别'), dataIndex: 'sensitivity' }]} />
        </>
      )}
      <Typography.Title level={3}>{t('接口调用')}</Typography.Title>
      <pre style={{ background: '#f6f6f6', padding: 12, overflowX: 'auto' }}>{example}</pre>
    </Space>
  );
}
