// Assessment periods and their department rankings, with a bar chart (ECharts, loaded only on this page).
import { useQuery } from '@apollo/client';
import { Alert, Select, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { AssessmentPeriodsDocument } from '../../gql/graphql';
import { messageOf } from '../../errors';
import { useT } from '../../i18n';

export default function Assessment() {
  const t = useT();
  const { data, error, loading } = useQuery(AssessmentPeriodsDocument);
  const periods = data?.assessmentPeriods?.edges.map((e) => e.node) ?? [];
  const [periodId, setPeriodId] = useState<string>();
  // A city sees its counties' periods too: open the first one that has scores.
  const period = periods.find((p) => p.id === periodId) ?? periods.find((p) => p.scores.length) ?? periods[0];
  // One row per department: the weighted sum of its scores, highest first.
  const ranking = useMemo(() => {
    const m = new Map<string, { name: string; total: number }>();
    for (const s of period?.scores ?? []) {
      const cur = m.get(s.departmentId) ?? { name: s.department.name, total: 0 };
      cur.total += s.score;
      m.set(s.departmentId, cur);
    }
    return [...m].map(([id, v], i) => ({ id, ...v, total: Math.round(v.total * 100) / 100, rank: i })).sort((a, b) => b.total - a.total).map((r, i) => ({ ...r, rank: i + 1 }));
  }, [period]);
  const chart = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!chart.current || !ranking.length) return;
    let disposed = false;
    let instance: { dispose: () => void } | undefined;
    void import('./chart').then(({ echarts }) => {
      if (disposed || !chart.current) return;
      const c = echarts.init(chart.current);
      c.setOption({ animation: false, grid: { left: 160 }, xAxis: { type: 'value' }, yAxis: { type: 'category', data: ranking.map((r) => r.name).reverse() }, series: [{ type: 'bar', data: ranking.map((r) => r.total).reverse() }], tooltip: {} });
      instance = c;
    });
    return () => { disposed = true; instance?.dispose(); };
  }, [ranking]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('考核排名')}</Typography.Title>
      {error && <Alert type="error" message={messageOf(error)} />}
      {periods.length === 0 && !error && !loading && <Alert type="info" message={t('暂无数据')} />}
      {periods.length > 0 && <Select aria-label={t('考核周期')} style={{ width: 480 }} value={period?.id} onChange={setPeriodId} options={periods.map((p) => ({ value: p.id, label: `${p.name} · ${p.regionCode} (${p.startsOn} – ${p.endsOn}) ${p.status}` }))} />}
      {ranking.length > 0 && <div ref={chart} role="img" aria-label={`${t('考核排名')}: ${ranking.map((r) => `${r.name} ${r.total}`).join(', ')}`} style={{ height: Math.max(200, ranking.length * 36), maxWidth: 800 }} />}
      <Table size="small" rowKey="id" pagination={false} dataSource={ranking}
        columns={[{ title: '#', dataIndex: 'rank', width: 60 }, { title: t('部门'), dataIndex: 'name' }, { title: t('得分'), dataIndex: 'total' }]} />
    </Space>
  );
}
