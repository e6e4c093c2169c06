// Catalog entries the caller may read, with the graph's own facet counts (same filter and visibility as the list).
import { useQuery } from '@apollo/client';
import { Alert, Button, Card, Checkbox, Col, Input, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DataResourcesDocument } from '../../gql/catalog';
import { type DataResourceFilter } from '../../gql/graphql';
import { messageOf } from '../../errors';
import { useT } from '../../i18n';

const DIMENSIONS: Record<string, string> = { status: '状态', shareType: '共享类型', openType: '开放类型', grade: '分级', category: '分类', departmentId: '部门', theme: '主题' };

export default function Catalog() {
  const t = useT();
  const [filter, setFilter] = useState<DataResourceFilter>({});
  const { data, loading, error } = useQuery(DataResourcesDocument, { variables: { first: 50, filter } });
  const toggle = (dim: string, value: string, on: boolean) => setFilter((f) => ({ ...f, [dim]: on ? value : undefined }));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>{t('目录')}</Typography.Title>
        <Link to="/console/catalog/new"><Button type="primary">{t('新建目录')}</Button></Link>
      </Space>
      <Input.Search aria-label={t('搜索')} placeholder={t('搜索')} allowClear onSearch={(v) => setFilter((f) => ({ ...f, keyword: v || undefined }))} enterButton={t('搜索')} />
      {error && <Alert type="error" message={messageOf(error)} />}
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Card size="small" title={t('筛选')}>
            {data?.dataResourceFacets?.filter((f) => DIMENSIONS[f.dimension]).map((f) => (
              <div key={f.dimension} role="group" aria-label={t(DIMENSIONS[f.dimension])} style={{ marginBottom: 12 }}>
                <Typography.Text strong>{t(DIMENSIONS[f.dimension])}</Typography.Text>
                {f.buckets.map((b) => (
                  <div key={b.value}><Checkbox checked={(filter as Record<string, unknown>)[f.dimension] === b.value} onChange={(e) => toggle(f.dimension, b.value, e.target.checked)}>{b.value} ({b.count})</Checkbox></div>
                ))}
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} md={18}>
          <Table size="small" rowKey="id" loading={loading && !data} dataSource={data?.dataResources?.edges.map((e) => e.node)}
            title={() => `${t('共')} ${data?.dataResources?.totalCount ?? 0} ${t('条')}`}
            columns={[
              { title: t('编码'), dataIndex: 'code' },
              { title: t('名称'), dataIndex: 'name', render: (v, r) => <Link to={`/console/catalog/${r.id}`}>{v}</Link> },
              { title: t('部门'), render: (_, r) => r.department.name },
              { title: t('状态'), dataIndex: 'status', render: (v) => <Tag>{v}</Tag> },
              { title: t('共享类型'), dataIndex: 'shareType' },
              { title: t('分级'), dataIndex: 'grade' },
              { title: t('审核期限'), render: (_, r) => r.reviewDeadline ? <span>{r.reviewDeadline.slice(0, 10)} {r.reviewOverdue && <Tag color="red">{t('已逾期')}</Tag>}</span> : null },
            ]} />
        </Col>
      </Row>
    </Space>
  );
}
