// The conditional-data application (000 §21: who, demand type, description, domain, format, purpose; 003 §26: period).
// The graph's field errors (e.g. a period that ends before it starts) show beside their fields.
import { useMutation, useQuery } from '@apollo/client';
import { Alert, Button, Form, Input, Radio, Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApplyForOpenDataDocument } from '../gql/opendata-public';
import { OpenDatasetPageDocument } from '../gql/portal';
import { type OpenDataApplicantKind } from '../gql/graphql';
import { messageOf, showFieldErrors } from '../errors';
import { useT } from '../i18n';
import { useIdempotencyKey } from './common';

interface Values { applicantKind: OpenDataApplicantKind; applicantName: string; demandType: string; description: string; domain: string; format: string; purpose: string; items?: string[]; periodFrom: string; periodTo: string }
const FIELDS = ['applicantKind', 'applicantName', 'demandType', 'description', 'domain', 'format', 'purpose', 'items', 'periodFrom', 'periodTo', 'datasetId'];

export default function Apply() {
  const t = useT();
  const { id } = useParams();
  const navigate = useNavigate();
  const { data, loading } = useQuery(OpenDatasetPageDocument, { variables: { id: id! } });
  const [apply, applying] = useMutation(ApplyForOpenDataDocument);
  const [key, renew] = useIdempotencyKey();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string>();
  const d = data?.openDataset;
  if (loading && !d) return <Spin />;
  if (!d) return <Alert type="info" message={t('暂无数据')} />;
  const submit = async (v: Values) => {
    setFailure(undefined);
    try {
      await apply({ variables: { input: { ...v, items: v.items?.length ? v.items : null, datasetId: d.id, idempotencyKey: key } } });
      renew();
      navigate('/portal/mine');
    } catch (e) {
      const rest = showFieldErrors(form, e, FIELDS);
      const ds = rest.find((p) => p.field.endsWith('datasetId'));
      if (ds || rest.length || !form.getFieldsError().some((f) => f.errors.length)) setFailure(ds?.reason ?? messageOf(e));
    }
  };
  const required = [{ required: true, message: t('必填') }];
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 720 }}>
      <Link to={`/portal/datasets/${d.id}`}>← {d.name}</Link>
      <Typography.Title level={2}>{t('申请有条件开放数据')}</Typography.Title>
      {failure && <Alert type="error" message={failure} />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="apply-form"
        initialValues={{ applicantKind: 'PERSON', demandType: '科学研究', format: d.formats[0] }}>
        <Form.Item name="applicantKind" label={t('申请主体')}>
          <Radio.Group options={[{ value: 'PERSON', label: t('个人') }, { value: 'COMPANY', label: t('法人或其他组织') }]} />
        </Form.Item>
        <Form.Item name="applicantName" label={t('申请主体名称')} rules={required}><Input /></Form.Item>
        <Form.Item name="demandType" label={t('需求类型')}>
          <Select options={['科学研究', '商业开发', '公益服务', '其他'].map((v) => ({ value: v, label: t(v) }))} />
        </Form.Item>
        <Form.Item name="domain" label={t('应用领域')} rules={required}><Input /></Form.Item>
        <Form.Item name="format" label={t('数据格式')}>
          <Select options={d.formats.map((f) => ({ value: f, label: f }))} />
        </Form.Item>
        {d.resource && (
          <Form.Item name="items" label={t('所需数据项（不选为全部开放项）')}>
            <Select mode="multiple" options={d.resource.items.map((i) => ({ value: i.name, label: i.name }))} />
          </Form.Item>
        )}
        <Form.Item name="description" label={t('需求描述')} rules={required}><Input.TextArea rows={3} /></Form.Item>
        <Form.Item name="purpose" label={t('使用目的')} rules={required}><Input.TextArea rows={2} /></Form.Item>
        <Space size="large">
          <Form.Item name="periodFrom" label={t('使用期限起')} rules={required}><Input type="date" /></Form.Item>
          <Form.Item name="periodTo" label={t('使用期限止')} rules={required}><Input type="date" /></Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={applying.loading}>{t('提交申请')}</Button>
      </Form>
    </Space>
  );
}
