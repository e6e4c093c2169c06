// Assessment periods and their department rankings, with a bar chart (ECharts, loaded only on this page).
import { useMutation, useQuery } from '@apollo/client';
import { Alert, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { AssessmentPeriodsDocument, AssessmentRunsDocument } from '../../gql/oversight';
import { MeDocument } from '../../gql/portal';
import { AssessmentRunDetailDocument, ExportAssessmentReportDocument, ExportAssessmentRunDocument } from '../../gql/quality';
import { messageOf } from '../../errors';
import { useT } from '../../i18n';
import { saveBase64 } from '../common';

export default function Assessment() {
  const t = useT();
  const { data, error, loading } = useQuery(AssessmentPeriodsDocument);
  const periods = data?.assessmentPeriods?.edges.map((e) => e.node) ?? [];
  const [periodId, setPeriodId] = useState<string>();
  const me = useQuery(MeDocument);
  // Open the caller's own region's period first (a city also sees its counties').
  const period = periods.find((p) => p.id === periodId) ?? periods.find((p) => p.regionCode === me.data?.me?.regionCode) ?? periods[0];
  // The ranking is the assessment's computed result: the published version, else the newest completed one.
  const runs = useQuery(AssessmentRunsDocument, { variables: { periodId: period?.id ?? '' }, skip: !period });
  const run = useMemo(() => {
    const done = (runs.data?.assessmentRuns ?? []).filter((r) => r.status === 'COMPLETED' || r.publishedAt);
    return done.find((r) => r.publishedAt) ?? [...done].sort((a, b) => b.version - a.version)[0];
  }, [runs.data]);
  const ranking = useMemo(() => (run?.results ?? []).map((r) => ({ id: r.departmentId, name: r.departmentName, total: r.total, rank: r.rank })), [run]);
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
      {runs.error && <Alert type="error" message={messageOf(runs.error)} />}
      {run && <Typography.Text type="secondary">{`v${run.version}`} · {run.publishedAt ? t('已发布') : t('未发布')}</Typography.Text>}
      {periods.length === 0 && !error && !loading && <Alert type="info" message={t('暂无数据')} />}
      {periods.length > 0 && <label htmlFor="assessment-period">{t('考核周期')}</label>}
      {periods.length > 0 && <Select id="assessment-period" style={{ width: 480 }} value={period?.id} onChange={setPeriodId} options={periods.map((p) => ({ value: p.id, label: `${p.name} · ${p.regionCode} (${p.startsOn} – ${p.endsOn}) ${p.status}` }))} />}
      {ranking.length > 0 && <div ref={chart} role="img" aria-label={`${t('考核排名')}: ${ranking.map((r) => `${r.name} ${r.total}`).join(', ')}`} style={{ height: Math.max(200, ranking.length * 36), maxWidth: 800 }} />}
      {run && <Exports runId={run.id} />}
      <Table size="small" rowKey="id" pagination={false} dataSource={ranking} data-testid="ranking"
        expandable={run ? { expandedRowRender: (r) => <Indicators runId={run.id} departmentId={r.id} />, expandRowByClick: true } : undefined}
        columns={[{ title: '#', dataIndex: 'rank', width: 60 }, { title: t('部门'), dataIndex: 'name' }, { title: t('得分'), dataIndex: 'total' }]} />
    </Space>
  );
}

/** XLSX (ranking, indicators, evidence sheets) and PDF report of the run, as the graph exports them (audited downloads). */
function Exports({ runId }: { runId: string }) {
  const t = useT();
  const [xlsx, x] = useMutation(ExportAssessmentRunDocument);
  const [pdf, p] = useMutation(ExportAssessmentReportDocument);
  const [failure, setFailure] = useState<string>();
  const save = async (f: () => Promise<{ filename: string; contentType: string; content: string } | undefined>) => {
    setFailure(undefined);
    try { const file = await f(); if (file) saveBase64(file.filename, file.contentType, file.content); } catch (e) { setFailure(messageOf(e)); }
  };
  return (
    <Space>
      <Button loading={x.loading} onClick={() => void save(async () => (await xlsx({ variables: { id: runId } })).data?.exportAssessmentRun)}>{t('导出')} XLSX</Button>
      <Button loading={p.loading} onClick={() => void save(async () => (await pdf({ variables: { id: runId } })).data?.exportAssessmentReport)}>{t('导出')} PDF</Button>
      {failure && <Alert type="error" message={failure} />}
    </Space>
  );
}

/** A department's indicator facts in the run: value (numerator / denominator), weight, score and the evidence behind it. */
function Indicators({ runId, departmentId }: { runId: string; departmentId: string }) {
  const t = useT();
  const { data, error, loading } = useQuery(AssessmentRunDetailDocument, { variables: { id: runId } });
  const scores = data?.assessmentRun?.results.find((r) => r.departmentId === departmentId)?.scores ?? [];
  if (error) return <Alert type="error" message={messageOf(error)} />;
  return (
    <Table size="small" rowKey="key" loading={loading && !data} pagination={false} dataSource={scores} data-testid="indicators"
      columns={[
        { title: t('指标'), render: (_: unknown, s) => <span>{s.name}{!s.available && <Tag style={{ marginLeft: 4 }}>{t('暂无来源')}</Tag>}</span> },
        { title: t('来源'), dataIndex: 'source' },
        { title: t('值'), render: (_: unknown, s) => s.value == null ? '—' : `${s.unit === 'RATE' ? `${(s.value * 100).toFixed(1)}%` : s.value}${s.denominator != null ? ` (${s.numerator}/${s.denominator})` : ''}` },
        { title: t('权重'), render: (_: unknown, s) => s.weight.toFixed(3) },
        { title: t('得分'), render: (_: unknown, s) => s.score.toFixed(2) },
        { title: t('依据'), render: (_: unknown, s) => s.evidence.length ? <ul style={{ margin: 0, paddingLeft: 16 }}>{s.evidence.slice(0, 10).map((e, i) => <li key={i}>{e}</li>)}{s.evidence.length > 10 && <li>… {s.evidence.length - 10}</li>}</ul> : '—' },
      ]} />
  );
}
