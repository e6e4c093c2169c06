// Complaints (privacy, trade secret: 003 §17) and feedback (003 §24) on a dataset, with the publisher's answer deadline;
// demands for data not yet open (003 §19), which other users can support.
import { useMutation, useQuery } from '@apollo/client';
import { Alert, Button, Card, Col, Form, Input, List, Radio, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useAuth } from '../auth';
import { ComplainAboutOpenDatasetDocument, GiveOpenDataFeedbackDocument, OpenDataDatasetChoicesDocument, OpenDataDemandsDocument, RaiseOpenDataDemandDocument, SupportOpenDataDemandDocument } from '../gql/opendata-public';
import { type OpenDataCaseCategory } from '../gql/graphql';
import { messageOf, showFieldErrors } from '../errors';
import { useT } from '../i18n';
import { Deadline, useIdempotencyKey } from './common';

const CATEGORIES: Record<'COMPLAINT' | 'FEEDBACK', OpenDataCaseCategory[]> = {
  COMPLAINT: ['PRIVACY', 'TRADE_SECRET'],
  FEEDBACK: ['WRONG_OPEN_ATTRIBUTE', 'POOR_QUALITY', 'ERROR_OR_OMISSION', 'UNLAWFUL_CONTENT'],
};

export default function Interact() {
  const t = useT();
  const { user, login } = useAuth();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('互动')}</Typography.Title>
      {!user && <Alert type="info" message={t('登录后可提交投诉、反馈和数据需求')} action={<Button size="small" onClick={() => void login()}>{t('登录')}</Button>} />}
      <Row gutter={24}>
        <Col xs={24} lg={12}>{user && <CaseForm />}</Col>
        <Col xs={24} lg={12}><Demands signedIn={!!user} /></Col>
      </Row>
    </Space>
  );
}

function CaseForm() {
  const t = useT();
  const [params] = useSearchParams();
  const choices = useQuery(OpenDataDatasetChoicesDocument);
  const [complain, c1] = useMutation(ComplainAboutOpenDatasetDocument);
  const [feedback, c2] = useMutation(GiveOpenDataFeedbackDocument);
  const [key, renew] = useIdempotencyKey();
  const [form] = Form.useForm<{ type: 'COMPLAINT' | 'FEEDBACK'; datasetId: string; category: OpenDataCaseCategory; description: string }>();
  const type = Form.useWatch('type', form) ?? 'FEEDBACK';
  const [done, setDone] = useState<{ answerDeadline?: string | null; deadlineCalendarOfficial?: boolean | null }>();
  const [failure, setFailure] = useState<string>();
  const submit = async (v: { type: 'COMPLAINT' | 'FEEDBACK'; datasetId: string; category: OpenDataCaseCategory; description: string }) => {
    setFailure(undefined); setDone(undefined);
    const input = { datasetId: v.datasetId ?? '', category: v.category, description: v.description ?? '', evidence: [], idempotencyKey: key };
    try {
      const r = v.type === 'COMPLAINT' ? (await complain({ variables: { input } })).data?.complainAboutOpenDataset : (await feedback({ variables: { input } })).data?.giveOpenDataFeedback;
      setDone(r ?? {}); renew(); form.resetFields(['description']);
    } catch (e) {
      const rest = showFieldErrors(form, e, ['datasetId', 'category', 'description']);
      if (rest.length || !form.getFieldsError().some((f) => f.errors.length)) setFailure(messageOf(e));
    }
  };
  const datasets = choices.data?.openDatasets?.edges.map((e) => e.node).filter((n) => n.status === 'PUBLISHED') ?? [];
  return (
    <Card title={t('投诉与反馈')} size="small">
      {failure && <Alert type="error" message={failure} style={{ marginBottom: 12 }} />}
      {done && <Alert type="success" data-testid="case-done" style={{ marginBottom: 12 }} message={<Space wrap>{t('已提交，答复期限')} <Deadline at={done.answerDeadline} official={done.deadlineCalendarOfficial} pending /> <Link to="/portal/mine">{t('我的申请')}</Link></Space>} />}
      <Form form={form} name="case" layout="vertical" data-testid="case-form" onFinish={(v) => void submit(v)}
        initialValues={{ type: 'FEEDBACK', datasetId: params.get('dataset') ?? undefined, category: 'ERROR_OR_OMISSION' }}
        onValuesChange={(ch) => { if (ch.type) form.setFieldValue('category', CATEGORIES[ch.type as 'COMPLAINT'][0]); }}>
        <Form.Item name="type" label={t('类型')}>
          <Radio.Group options={[{ value: 'FEEDBACK', label: t('FEEDBACK') }, { value: 'COMPLAINT', label: t('COMPLAINT') }]} />
        </Form.Item>
        <Form.Item name="datasetId" label={t('数据集')}>
          <Select showSearch optionFilterProp="label" options={datasets.map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="category" label={t('分类')}>
          <Select options={CATEGORIES[type].map((c) => ({ value: c, label: t(c) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('描述')}><Input.TextArea rows={3} /></Form.Item>
        <Typography.Paragraph type="secondary">{type === 'COMPLAINT' ? t('投诉由发布部门在 10 个工作日内答复') : t('反馈由发布部门在期限内答复；数据错误同时转为质量问题')}</Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={c1.loading || c2.loading}>{t('提交')}</Button>
      </Form>
    </Card>
  );
}

function Demands({ signedIn }: { signedIn: boolean }) {
  const t = useT();
  const list = useQuery(OpenDataDemandsDocument, { variables: { first: 50 } });
  const choices = useQuery(OpenDataDatasetChoicesDocument);
  const [raise, raising] = useMutation(RaiseOpenDataDemandDocument);
  const [support] = useMutation(SupportOpenDataDemandDocument);
  const [key, renew] = useIdempotencyKey();
  const [form] = Form.useForm<{ title: string; description: string; regionCode?: string }>();
  const [failure, setFailure] = useState<string>();
  const submit = async (v: { title: string; description: string; regionCode?: string }) => {
    setFailure(undefined);
    try {
      await raise({ variables: { input: { title: v.title ?? '', description: v.description ?? '', regionCode: v.regionCode ?? null, idempotencyKey: key } } });
      renew(); form.resetFields(); await list.refetch();
    } catch (e) {
      const rest = showFieldErrors(form, e, ['title', 'description', 'regionCode']);
      if (rest.length || !form.getFieldsError().some((f) => f.errors.length)) setFailure(messageOf(e));
    }
  };
  return (
    <Card title={t('数据需求')} size="small">
      {signedIn && (
        <Form form={form} name="demand" layout="vertical" data-testid="demand-form" onFinish={(v) => void submit(v)}>
          {failure && <Alert type="error" message={failure} style={{ marginBottom: 12 }} />}
          <Form.Item name="title" label={t('需求标题')}><Input /></Form.Item>
          <Form.Item name="description" label={t('需求描述')}><Input.TextArea rows={2} /></Form.Item>
          <Form.Item name="regionCode" label={t('地区')}>
            <Select allowClear options={(choices.data?.regions ?? []).map((r) => ({ value: r.code, label: r.name }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={raising.loading}>{t('提出需求')}</Button>
        </Form>
      )}
      {list.error && <Alert type="error" message={messageOf(list.error)} />}
      <List data-testid="demands" dataSource={list.data?.openDataDemands?.edges.map((e) => e.node) ?? []} renderItem={(d) => (
        <List.Item actions={signedIn && d.status === 'OPEN' ? [<Button key="s" size="small" onClick={() => void support({ variables: { id: d.id } }).then(() => list.refetch()).catch(() => undefined)}>{t('我也需要')}</Button>] : []}>
          <List.Item.Meta title={<Space>{d.title}<Tag>{t(d.status)}</Tag><span>{t('需求人数')} {d.requestCount}</span></Space>} description={[d.description, d.reason].filter(Boolean).join(' — ')} />
        </List.Item>
      )} />
    </Card>
  );
}
