// Open-data statistics: published datasets per theme and publisher; usage (views, downloads, API calls) per month, per
// dataset and per format from the graph's usage data (ECharts, loaded with this page only).
import { useQuery } from '@apollo/client';
import { Alert, Card, Col, Row, Table, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { OpenDataUsageDocument } from '../gql/opendata-public';
import { OpenDatasetsDocument } from '../gql/portal';
import { messageOf } from '../errors';
import { useT } from '../i18n';

type Option = Record<string, unknown>;

function Chart({ label, option, height }: { label: string; option: Option | null; height: number }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current || !option) return;
    let disposed = false;
    let chart: { dispose: () => void } | undefined;
    void import('./console/chart').then(({ echarts }) => {
      if (disposed || !el.current) return;
      const c = echarts.init(el.current);
      c.setOption({ animation: false, tooltip: {}, ...option });
      chart = c;
    });
    return () => { disposed = true; chart?.dispose(); };
  }, [option]);
  return <div ref={el} role="img" aria-label={label} style={{ height }} />;
}

const bars = (data: Array<[string, number]>): Option => ({
  grid: { left: 170, right: 24, top: 8, bottom: 24 }, xAxis: { type: 'value', minInterval: 1 },
  yAxis: { type: 'category', data: data.map(([k]) => k).reverse() }, series: [{ type: 'bar', data: data.map(([, v]) => v).reverse(), itemStyle: { color: '#0958d9' } }],
});
const describe = (label: string, data: Array<[string, number]>) => `${label}: ${data.map(([k, v]) => `${k} ${v}`).join(', ')}`;
const count = (keys: string[]) => [...keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1]);

export default function Stats() {
  const t = useT();
  const { data, error } = useQuery(OpenDatasetsDocument, { variables: { first: 200 } });
  const usage = useQuery(OpenDataUsageDocument, { variables: { first: 200 } });
  const nodes = data?.openDatasets?.edges.map((e) => e.node).filter((n) => n.status === 'PUBLISHED') ?? [];
  const used = useMemo(() => usage.data?.openDatasets?.edges.map((e) => e.node).filter((n) => n.status === 'PUBLISHED') ?? [], [usage.data]);
  const themes = count(nodes.map((n) => n.theme));
  const publishers = count(nodes.map((n) => n.publisher.name));
  const monthly = useMemo(() => {
    const m = new Map<string, { views: number; downloads: number; apiCalls: number }>();
    for (const d of used) for (const x of d.usage.monthly) {
      const s = m.get(x.month) ?? { views: 0, downloads: 0, apiCalls: 0 };
      m.set(x.month, { views: s.views + x.views, downloads: s.downloads + x.downloads, apiCalls: s.apiCalls + x.apiCalls });
    }
    return [...m].sort((a, b) => a[0].localeCompare(b[0]));
  }, [used]);
  const byFormat = useMemo(() => [...used.flatMap((d) => d.usage.downloadsByFormat).reduce((m, f) => m.set(f.format, (m.get(f.format) ?? 0) + f.count), new Map<string, number>())].sort((a, b) => b[1] - a[1]), [used]);
  const seriesNames = [t('浏览'), t('下载'), t('接口调用')].join('|');
  const monthlyOption = useMemo<Option | null>(() => (monthly.length ? {
    legend: { top: 0 }, grid: { left: 48, right: 24, top: 32, bottom: 24 }, xAxis: { type: 'category', data: monthly.map(([m]) => m) }, yAxis: { type: 'value', minInterval: 1 },
    series: (['views', 'downloads', 'apiCalls'] as const).map((k, i) => ({ type: 'line', name: seriesNames.split('|')[i], data: monthly.map(([, v]) => v[k]) })),
  } : null), [monthly, seriesNames]);
  const monthlyLabel = `${t('月度使用')}: ${monthly.map(([m, v]) => `${m} ${t('浏览')} ${v.views} ${t('下载')} ${v.downloads} ${t('接口调用')} ${v.apiCalls}`).join('; ')}`;
  // Options are rebuilt only when the counts change (a new option object redraws the chart).
  const themesKey = JSON.stringify(themes);
  const publishersKey = JSON.stringify(publishers);
  const themeOpt = useMemo(() => (themesKey !== '[]' ? bars(JSON.parse(themesKey)) : null), [themesKey]);
  const pubOpt = useMemo(() => (publishersKey !== '[]' ? bars(JSON.parse(publishersKey)) : null), [publishersKey]);
  const fmtOpt = useMemo(() => (byFormat.length ? bars(byFormat) : null), [byFormat]);
  return (
    <>
      <Typography.Title level={2}>{t('统计')}</Typography.Title>
      {error && <Alert type="error" message={messageOf(error)} />}
      {usage.error && <Alert type="error" message={messageOf(usage.error)} />}
      <Typography.Paragraph>{t('已发布数据集')}: {nodes.length}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}><Card title={t('主题')} size="small"><Chart label={describe(t('主题'), themes)} option={themeOpt} height={Math.max(160, themes.length * 40)} /></Card></Col>
        <Col xs={24} md={12}><Card title={t('发布部门')} size="small"><Chart label={describe(t('发布部门'), publishers)} option={pubOpt} height={Math.max(160, publishers.length * 40)} /></Card></Col>
        <Col xs={24} md={16}><Card title={t('月度使用')} size="small">{monthly.length ? <Chart label={monthlyLabel} option={monthlyOption} height={260} /> : t('暂无数据')}</Card></Col>
        <Col xs={24} md={8}><Card title={t('按格式下载')} size="small">{byFormat.length ? <Chart label={describe(t('按格式下载'), byFormat)} option={fmtOpt} height={Math.max(160, byFormat.length * 40)} /> : t('暂无数据')}</Card></Col>
        <Col xs={24}>
          <Card title={t('数据集使用')} size="small">
            <Table size="small" rowKey="id" pagination={false} data-testid="usage-table" dataSource={[...used].sort((a, b) => b.usage.downloads - a.usage.downloads)}
              columns={[
                { title: t('数据集'), dataIndex: 'name' },
                { title: t('浏览'), render: (_: unknown, d) => d.usage.views }, { title: t('下载'), render: (_: unknown, d) => d.usage.downloads },
                { title: t('接口调用'), render: (_: unknown, d) => d.usage.apiCalls }, { title: t('数据申请'), render: (_: unknown, d) => d.usage.applications },
                { title: t('投诉'), render: (_: unknown, d) => d.usage.complaints }, { title: t('反馈'), render: (_: unknown, d) => d.usage.feedback },
              ]} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
