// Upload catalog drafts from the XLSX/CSV template; every rejected row is listed with its column and reason.
import { useLazyQuery, useMutation } from '@apollo/client';
import { Alert, Button, Radio, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { CatalogTemplateDocument, ImportCatalogDocument } from '../../gql/catalog';
import { type ImportMode } from '../../gql/graphql';
import { messageOf } from '../../errors';
import { useT } from '../../i18n';

const toBase64 = (file: File) => new Promise<string>((resolve, reject) => {
  const r = new FileReader();
  r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
  r.onerror = () => reject(r.error);
  r.readAsDataURL(file);
});

export default function Import() {
  const t = useT();
  const [mode, setMode] = useState<ImportMode>('VALID_ROWS_ONLY');
  const [run, { data, error, loading }] = useMutation(ImportCatalogDocument);
  const [template] = useLazyQuery(CatalogTemplateDocument);
  const download = async () => {
    const res = await template({ variables: { format: 'XLSX' } });
    const f = res.data?.catalogTemplate;
    if (!f) return;
    const a = document.createElement('a');
    a.href = `data:${f.mimeType};base64,${f.contentBase64}`;
    a.download = f.filename;
    a.click();
  };
  const result = data?.importCatalog;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('批量导入')}</Typography.Title>
      <Space wrap>
        <Button onClick={() => void download()}>{t('下载模板')}</Button>
        <Radio.Group aria-label={t('导入方式')} value={mode} onChange={(e) => setMode(e.target.value as ImportMode)}
          options={[{ value: 'VALID_ROWS_ONLY', label: 'VALID_ROWS_ONLY' }, { value: 'ALL_OR_NOTHING', label: 'ALL_OR_NOTHING' }]} />
        <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={(file) => {
          void toBase64(file).then((contentBase64) => run({ variables: { mode, file: { filename: file.name, contentBase64 } } }).catch(() => undefined));
          return false;
        }}>
          <Button type="primary" loading={loading}>{t('上传文件')}</Button>
        </Upload>
      </Space>
      {error && <Alert type="error" message={messageOf(error)} />}
      {result && <Alert type={result.errors.length ? 'warning' : 'success'} data-testid="import-result"
        message={`${result.applied ? t('已应用') : t('未应用')} · ${t('新增')} ${result.created} · ${t('更新')} ${result.updated} · ${result.errors.length} ${t('原因')}`} />}
      {result && result.errors.length > 0 && (
        <Table size="small" rowKey={(r) => `${r.row}-${r.column}-${r.reason}`} dataSource={result.errors} data-testid="row-errors"
          columns={[{ title: t('行'), dataIndex: 'row', width: 80 }, { title: t('列'), dataIndex: 'column', width: 160 }, { title: t('原因'), dataIndex: 'reason' }]} />
      )}
    </Space>
  );
}
