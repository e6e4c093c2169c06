// The showcase (003 §29): applications built on open data, shown once the operator approved them; users submit theirs.
import { useMutation, useQuery } from '@apollo/client';
import { Alert, Button, Card, Col, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../auth';
import { OpenDataDatasetChoicesDocument, ShowcasesDocument, SubmitShowcaseDocument } from '../gql/opendata-public';
import { messageOf, showFieldErrors } from '../errors';
import { useT } from '../i18n';
import { useIdempotencyKey } from './common';

interface Values { name: string; description: string; link: string; datasetIds: string[] }

export default function Showcase() {
  const t = useT();
  const { user } = useAuth();
  const { data, error } = useQuery(ShowcasesDocument, { variables: { first: 50 } });
  const choices = useQuery(OpenDataDatasetChoicesDocument);
  const names = new Map((choices.data?.openDatasets?.edges ?? []).map((e) => [e.node.id, e.node.name]));
  const [submitCase, submitting] = useMutation(SubmitShowcaseDocument);
  const [key, renew] = useIdempotencyKey();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<string>();
  const submit = async (v: Values) => {
    setResult(undefined);
    try {
      await submitCase({ variables: { input: { name: v.name ?? '', description: v.description ?? '', link: v.link ?? '', datasetIds: v.datasetIds ?? [], idempotencyKey: key } } });
      renew(); form.resetFields(); setResult(t('已提交，审核通过后展示'));
    } catch (e) {
      const rest = showFieldErrors(form, e, ['name', 'description', 'link', 'datasetIds']);
      if (rest.length || !form.getFieldsError().some((f) => f.errors.length)) setResult(messageOf(e));
    }
  };
  const cases = data?.showcases?.edges.map((e) => e.node) ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('应用展示')}</Typography.Title>
      {error && <Alert type="error" message={messageOf(error)} />}
      {!cases.length && !error && <Alert type="info" message={t('暂无数据')} />}
      <Row gutter={[16, 16]} data-testid="showcases">
        {cases.map((c) => (
          <Col key={c.id} xs={24} md={12} lg={8}>
            <Card size="small" title={<Space>{c.name}{c.featured && <Tag color="gold">{t('推荐')}</Tag>}</Space>}>
              <Typography.Paragraph>{c.description}</Typography.Paragraph>
              <Space wrap>{c.datasetIds.map((id) => <Tag key={id}>{names.get(id) ?? id.slice(0, 8)}</Tag>)}</Space>
              <div><a href={c.link} target="_blank" rel="noreferrer">{c.link}</a></div>
            </Card>
          </Col>
        ))}
      </Row>
      {user && (
        <Card size="small" title={t('提交应用')} style={{ maxWidth: 720 }}>
          {result && <Alert type="info" message={result} style={{ marginBottom: 12 }} />}
          <Form form={form} name="showcase" layout="vertical" onFinish={(v) => void submit(v)} data-testid="showcase-form">
            <Form.Item name="name" label={t('名称')}><Input /></Form.Item>
            <Form.Item name="description" label={t('描述')}><Input.TextArea rows={2} /></Form.Item>
            <Form.Item name="link" label={t('链接')}><Input /></Form.Item>
            <Form.Item name="datasetIds" label={t('使用的数据集')}>
              <Select mode="multiple" options={[...names].map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={submitting.loading}>{t('提交')}</Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}
