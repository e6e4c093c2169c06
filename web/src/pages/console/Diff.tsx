// Side-by-side difference of two versions: one row per changed field, before on the left, after on the right.
import { Table, Typography } from 'antd';
import { useT } from '../../i18n';

export function SideBySideDiff({ changes }: { changes: ReadonlyArray<{ field: string; before?: string | null; after?: string | null }> }) {
  const t = useT();
  const cell = (v: string | null | undefined, bg: string) => <Typography.Text style={{ background: bg, whiteSpace: 'pre-wrap' }}>{v ?? '—'}</Typography.Text>;
  return (
    <Table size="small" rowKey="field" pagination={false} dataSource={[...changes]} data-testid="diff"
      columns={[
        { title: t('字段'), dataIndex: 'field', width: 160 },
        { title: t('变更前'), dataIndex: 'before', render: (v) => cell(v, '#fff1f0') },
        { title: t('变更后'), dataIndex: 'after', render: (v) => cell(v, '#f6ffed') },
      ]} />
  );
}
