// Open-data portal: search the open catalog with facets (theme, publisher) computed over the matching datasets.
import { useQuery } from '@apollo/client';
import { Alert, Card, Checkbox, Col, Input, List, Row, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { OpenDatasetsDocument } from '../gql/portal';
import { messageOf } from '../errors';
import { useT } from '../i18n';

export function Datasets() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const keyword = params.get('q') ?? '';
  const theme = params.get('theme');
  const publisher = params.get('publisher');
  // Facet counts come from the keyword's whole result (first 200); the list applies the chosen facets.
  const all = useQuery(OpenDatasetsDocument, { variables: { first: 200, filter: keyword ? { keyword } : undefined } });
  const nodes = useMemo(() => all.data?.openDatasets?.edges.map((e) => e.node) ?? [], [all.data]);
  const shown = nodes.filter((n) => (!theme || n.theme === theme) && (!publisher || n.publisher.id === publisher));
  type Node = (typeof nodes)[number];
  const facets: Array<[string, string, (n: Node) => [string, string]]> = [['theme', '主题', (n) => [n.theme, n.theme]], ['publisher', '发布部门', (n) => [n.publisher.id, n.publisher.name]]];
  const facet = (pick: (n: Node) => [string, string]) => {
    const m = new Map<string, { label: string; count: number }>();
    for (const n of nodes) { const [k, label] = pick(n); m.set(k, { label, count: (m.get(k)?.count ?? 0) + 1 }); }
    return [...m].sort((a, b) => b[1].count - a[1].count);
  };
  const set = (k: string, v: string | null) => { const p = new URLSearchParams(params); if (v) p.set(k, v); else p.delete(k); setParams(p); };
  const [q, setQ] = useState(keyword);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={2}>{t('开放数据')}</Typography.Title>
      <Input.Search aria-label={t('搜索数据集')} placeholder={t('搜索数据集')} value={q} onChange={(e) => setQ(e.target.value)} onSearch={(v) => set('q', v || null)} enterButton={t('搜索')} allowClear />
      {all.error && <Alert type="error" message={messageOf(all.error)} />}
      <Row gutter={24}>
        <Col xs={24} md={6}>
          <Card title={t('筛选')} size="small">
            {facets.map(([key, title, pick]) => (
              <div key={key} style={{ marginBottom: 16 }} role="group" aria-label={t(title)}>
                <Typography.Text strong>{t(title)}</Typography.Text>
                {facet(pick).map(([k, { label, count }]) => (
                  <div key={k}><Checkbox checked={params.get(key) === k} onChange={(e) => set(key, e.target.checked ? k : null)}>{label} ({count})</Checkbox></div>
                ))}
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} md={18}>
          <List
            data-testid="dataset-list"
            loading={all.loading && !all.data}
            header={<span>{t('共')} {shown.length} {t('条')}</span>}
            dataSource={shown}
            renderItem={(n) => (
              <List.Item>
                <List.Item.Meta
                  title={<Link to={`/portal/datasets/${n.id}`}>{n.name}</Link>}
                  description={<Space direction="vertical" size={2}>
                    <span>{n.description}</span>
                    <Space wrap><Tag color="blue">{n.theme}</Tag><Tag>{n.openType}</Tag>{n.formats.map((f) => <Tag key={f}>{f}</Tag>)}<span>{n.publisher.name}</span></Space>
                  </Space>}
                />
              </List.Item>
            )}
          />
        </Col>
      </Row>
    </Space>
  );
}
