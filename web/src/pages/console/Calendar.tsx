// 工作日历: the year's official working-day calendar in force (holidays, make-up days) and its versions; the city
// authority loads a year from the State Council notice. A bad date is shown under its field (input.holidays[3] → 节假日).
import { useMutation, useQuery } from '@apollo/client';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { LoadOfficialCalendarDocument, WorkingCalendarDocument } from '../../gql/calendar';
import { MeDocument } from '../../gql/portal';
import { fieldProblems, messageOf, namePath } from '../../errors';
import { useT } from '../../i18n';

interface LoadForm { year: number; holidays: string; workdays: string; basis: string }
const days = (s: string | undefined) => (s ?? '').split(/[\s,，、;；]+/).map((d) => d.trim()).filter(Boolean);

export default function Calendar() {
  const t = useT();
  const [year, setYear] = useState(() => new Date().getFullYear() + 1);
  const { data, error, loading, refetch } = useQuery(WorkingCalendarDocument, { variables: { year }, fetchPolicy: 'cache-and-network' });
  const me = useQuery(MeDocument);
  const authority = !!me.data?.me?.roles.includes('authority');
  const cal = data?.workingCalendar;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('工作日历')}</Typography.Title>
      <Space>
        <label htmlFor="calendar-year">{t('年度')}</label>
        <InputNumber id="calendar-year" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        {/* The years whose official calendar is loaded (what every service counts on); other years are provisional. */}
        <Typography.Text type="secondary">{t('已加载年度')}</Typography.Text>
        <Space wrap size={2} data-testid="calendar-years">
          {(data?.officialCalendars ?? []).map((c) => <Button key={c.year} size="small" type={c.year === year ? 'primary' : 'default'} onClick={() => setYear(c.year)}>{c.year} v{c.version}</Button>)}
        </Space>
      </Space>
      {error && <Alert type="error" message={messageOf(error)} />}
      <Card title={`${year} ${t('年度日历')}`} loading={loading && !data} data-testid="calendar">
        {cal ? (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('版本')}>{cal.version} <Tag color="green">{t('官方日历')}</Tag></Descriptions.Item>
            <Descriptions.Item label={t('依据')}>{cal.basis}</Descriptions.Item>
            <Descriptions.Item label={t('节假日')}><Space wrap size={2}>{cal.holidays.map((d) => <Tag key={d}>{d}</Tag>)}</Space></Descriptions.Item>
            <Descriptions.Item label={t('调休上班日')}><Space wrap size={2}>{cal.workdays.map((d) => <Tag key={d} color="blue">{d}</Tag>)}</Space></Descriptions.Item>
            <Descriptions.Item label={t('加载人')}>{cal.loadedBy} · {cal.loadedAt.slice(0, 16).replace('T', ' ')}</Descriptions.Item>
          </Descriptions>
        ) : <Alert type="warning" data-testid="calendar-missing" message={t('该年度官方日历尚未加载：期限按法定节假日暂定推算')} />}
      </Card>
      <Card title={t('版本历史')}>
        <Table size="small" rowKey="version" pagination={false} data-testid="calendar-versions" dataSource={data?.workingCalendarVersions ?? []}
          columns={[
            { title: t('版本'), dataIndex: 'version' },
            { title: t('依据'), dataIndex: 'basis' },
            { title: t('节假日'), render: (_: unknown, c) => c.holidays.length },
            { title: t('调休上班日'), render: (_: unknown, c) => c.workdays.join(', ') },
            { title: t('加载人'), dataIndex: 'loadedBy' },
            { title: t('时间'), render: (_: unknown, c) => c.loadedAt.slice(0, 16).replace('T', ' ') },
          ]} />
      </Card>
      {authority && <LoadCalendar year={year} onLoaded={async (y) => { setYear(y); await refetch({ year: y }); }} />}
    </Space>
  );
}

function LoadCalendar({ year, onLoaded }: { year: number; onLoaded: (year: number) => Promise<void> }) {
  const t = useT();
  const [form] = Form.useForm<LoadForm>();
  const [load, { loading }] = useMutation(LoadOfficialCalendarDocument);
  const [failure, setFailure] = useState<string>();
  const [done, setDone] = useState<string>();
  const submit = async (v: LoadForm) => {
    setFailure(undefined); setDone(undefined);
    try {
      const res = await load({ variables: { input: { year: v.year, holidays: days(v.holidays), workdays: days(v.workdays), basis: v.basis } } });
      const c = res.data!.loadOfficialCalendar;
      setDone(`${c.year} ${t('版本')} ${c.version}`);
      await onLoaded(c.year);
    } catch (e) {
      // input.holidays[3] names one date of the list: the reason goes under the list's field.
      const byField = new Map<keyof LoadForm, string[]>();
      const rest: string[] = [];
      for (const p of fieldProblems(e)) {
        const f = String(namePath(p.field)[0]) as keyof LoadForm;
        if (['year', 'holidays', 'workdays', 'basis'].includes(f)) byField.set(f, [...(byField.get(f) ?? []), p.reason]);
        else rest.push(p.reason);
      }
      form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
      if (!byField.size || rest.length) setFailure(rest.length ? rest.join('; ') : messageOf(e));
    }
  };
  return (
    <Card title={t('加载官方日历')} data-testid="load-calendar">
      {failure && <Alert type="error" message={failure} style={{ marginBottom: 12 }} />}
      {done && <Alert type="success" data-testid="calendar-loaded" message={`${t('已加载')}：${done}`} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ year }} onFinish={(v) => void submit(v)} style={{ maxWidth: 720 }}>
        <Form.Item name="year" label={t('年度')} rules={[{ required: true, message: t('必填') }]}><InputNumber min={2000} max={2100} /></Form.Item>
        <Form.Item name="holidays" label={t('节假日')} extra={t('YYYY-MM-DD，以空格、逗号或换行分隔；含假期内的周末')} rules={[{ required: true, message: t('必填') }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="workdays" label={t('调休上班日')} extra={t('YYYY-MM-DD：调休上班的周六或周日')}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item name="basis" label={t('依据')} rules={[{ required: true, message: t('必填') }]}><Input placeholder="国务院办公厅关于2027年部分节假日安排的通知" /></Form.Item>
        <Button type="primary" htmlType="submit" loading={loading}>{t('加载')}</Button>
      </Form>
    </Card>
  );
}
