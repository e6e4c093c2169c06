// Draft a catalog entry. The graph validates; each BAD_USER_INPUT problem is shown beside its field.
import { useMutation } from '@apollo/client';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { CreateDataResourceDocument } from '../../gql/catalog';
import { type DataResourceInput } from '../../gql/graphql';
import { messageOf, showFieldErrors, type FieldProblem } from '../../errors';
import { useT } from '../../i18n';

const opts = (values: string[]) => values.map((v) => ({ value: v, label: v }));
const OPTIONAL = new Set(['description', 'shareCondition', 'notSharedBasis', 'notOpenReason', 'theme', 'length', 'sensitivity']);
const FIELDS = ['code', 'name', 'description', 'category', 'format', 'updateCycle', 'shareType', 'shareCondition', 'notSharedBasis', 'openType', 'notOpenReason', 'sensitivityGrade', 'provisionMode', 'usageModes', 'theme', 'items'];

export default function NewResource() {
  const t = useT();
  const [form] = Form.useForm<DataResourceInput>();
  const [create, { loading }] = useMutation(CreateDataResourceDocument);
  const [other, setOther] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<string>();
  const navigate = useNavigate();
  const onFinish = async (input: DataResourceInput) => {
    setOther([]); setFailure(undefined);
    try {
      // An empty optional box means "not given" (null); required ones go as typed, so the graph names what is wrong.
      const blank = (o: object) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, (v === '' || v === undefined) && OPTIONAL.has(k) ? null : v ?? '']));
      const clean = { ...blank(input), items: input.items.map((i) => ({ ...blank(i), sensitive: !!i.sensitive })) } as DataResourceInput;
      const res = await create({ variables: { input: clean } });
      if (res.data) navigate(`/console/catalog/${res.data.createDataResource.id}`);
    } catch (e) {
      const rest = showFieldErrors(form, e, FIELDS);
      setOther(rest);
      if (!rest.length && !form.getFieldsError().some((f) => f.errors.length)) setFailure(messageOf(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 760 }}>
      <Typography.Title level={2}>{t('新建目录')}</Typography.Title>
      {other.length > 0 && <Alert type="error" message={other.map((p) => `${p.field}: ${p.reason}`).join('; ')} />}
      {failure && <Alert type="error" message={failure} />}
      <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)} data-testid="new-resource"
        initialValues={{ category: 'DEPARTMENT', format: 'TABLE', updateCycle: 'DAILY', shareType: 'CONDITIONAL', openType: 'NOT_OPEN', provisionMode: 'DISTRIBUTION_API', usageModes: ['QUERY'], sensitivityGrade: 'LOW', items: [{ name: '', type: 'STRING', sensitive: false }] }}>
        <Form.Item name="code" label={t('编码')}><Input /></Form.Item>
        <Form.Item name="name" label={t('名称')}><Input /></Form.Item>
        <Form.Item name="description" label={t('描述')}><Input.TextArea rows={2} /></Form.Item>
        <Space wrap>
          <Form.Item name="category" label={t('分类')}><Select style={{ width: 160 }} options={opts(['BASE', 'THEME', 'DEPARTMENT'])} /></Form.Item>
          <Form.Item name="format" label={t('数据格式')}><Select style={{ width: 120 }} options={opts(['TABLE', 'API', 'FILE'])} /></Form.Item>
          <Form.Item name="updateCycle" label={t('更新频率')}><Select style={{ width: 140 }} options={opts(['REAL_TIME', 'DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY'])} /></Form.Item>
          <Form.Item name="sensitivityGrade" label={t('分级')}><Select style={{ width: 120 }} options={opts(['NONE', 'LOW', 'MEDIUM', 'HIGH'])} /></Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="shareType" label={t('共享类型')}><Select style={{ width: 180 }} options={opts(['UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED'])} /></Form.Item>
          <Form.Item name="openType" label={t('开放类型')}><Select style={{ width: 180 }} options={opts(['UNCONDITIONAL', 'CONDITIONAL', 'NOT_OPEN'])} /></Form.Item>
          <Form.Item name="provisionMode" label={t('提供方式')}><Select style={{ width: 200 }} options={opts(['SYSTEM_INTEGRATION', 'DISTRIBUTION_API', 'E_FORM'])} /></Form.Item>
        </Space>
        <Form.Item name="usageModes" label={t('使用方式')}><Checkbox.Group options={opts(['VERIFY', 'QUERY', 'PUSH'])} /></Form.Item>
        <Form.Item name="shareCondition" label={t('共享条件')}><Input /></Form.Item>
        <Form.Item name="notSharedBasis" label={t('不予共享依据')}><Input /></Form.Item>
        <Form.Item name="notOpenReason" label={t('开放条件说明')}><Input /></Form.Item>
        <Form.Item name="theme" label={t('主题')}><Input /></Form.Item>
        <Typography.Title level={4}>{t('数据项')}</Typography.Title>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item name={[f.name, 'name']} label={t('名称')}><Input /></Form.Item>
                  <Form.Item name={[f.name, 'type']} label={t('类型')}><Select style={{ width: 130 }} options={opts(['STRING', 'INTEGER', 'DECIMAL', 'DATE', 'DATETIME', 'BOOLEAN', 'BINARY'])} /></Form.Item>
                  <Form.Item name={[f.name, 'length']} label={t('长度')}><InputNumber /></Form.Item>
                  <Form.Item name={[f.name, 'sensitivity']} label={t('敏感级别')}><Select allowClear style={{ width: 120 }} options={opts(['NONE', 'LOW', 'MEDIUM', 'HIGH'])} /></Form.Item>
                  <Button aria-label="remove" onClick={() => remove(f.name)} style={{ marginTop: 30 }}>−</Button>
                </Space>
              ))}
              <Button onClick={() => add({ name: '', type: 'STRING', sensitive: false })}>+ {t('数据项')}</Button>
            </>
          )}
        </Form.List>
        <Form.Item style={{ marginTop: 16 }}><Button type="primary" htmlType="submit" loading={loading}>{t('保存')}</Button></Form.Item>
      </Form>
    </Space>
  );
}
