// Open-data statistics: published datasets per theme and per publisher (ECharts, loaded with this page only).
import { useQuery } from '@apollo/client';
import { Alert, Card, Col, Row, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { OpenDatasetsDocument } from '../gql/graphql';
import { messageOf } from '../errors';
import { useT } from '../i18n';

function BarChart({ label, data }: { label: string; data: Array<[string, number]> }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current || !data.length) return;
    let disposed = false;
    let chart: { dispose: () => void } | undefined;
    void import('./console/chart').then(({ echarts }) => {
      if (disposed || !el.current) return;
      const c = echarts.init(el.current);
      c.setOption({ animation: false, grid: { left: 170, right: 24, top: 8, bottom: 24 }, tooltip: {}, xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: data.map(([k]) => k).reverse() }, series: [{ type: 'bar', data: data.map(([, v]) => v).reverse(), itemStyle: { color: '#0958d9' } }] });
      chart = c;
    });
    return () => { disposed = true; chart?.dispose(); };
  }, [data]);
  return <div ref={el} role="img" aria-label={`${label}: ${data.map(([k, v]) => `${k} ${v}`).join(', ')}`} style={{ height: Math.max(160, data.length * 40) }} />;
}

const count = (keys: string[]) => [...keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1]);

export default function Stats() {
  const t = useT();
  const { data, error } = useQuery(OpenDatasetsDocument, { variables: { first: 200 } });
  const nodes = data?.openDatasets?.edges.map((e) => e.node).filter((n) => n.status === 'PUBLISHED') ?? [];
  return (
    <>
      <Typography.Title level={2}>{t('统计')}</Typography.Title>
      {error && <Alert type="error" message={messageOf(error)} />}
      <Typography.Paragraph>{t('已发布数据集')}: {nodes.length}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={12}><Card title={t('主题')} size="small"><BarChart label={t('主题')} data={count(nodes.map((n) => n.theme))} /></Card></Col>
        <Col xs={24} md={12}><Card title={t('发布部门')} size="small"><BarChart label={t('发布部门')} data={count(nodes.map((n) => n.publisher.name))} /></Card></Col>
      </Row>
    </>
  );
}
