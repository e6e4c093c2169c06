// Objections to data (wrong, incomplete, privacy, trade secret): whether the resource is suspended, the department's
// verification deadline (date + calendar), its decision and answer.
import { useQuery } from '@apollo/client';
import { Alert, Space, Table, Tag, Typography } from 'antd';
import { ObjectionsDocument } from '../../gql/graphql';
import { messageOf } from '../../errors';
import { useT } from '../../i18n';
import { Deadline, day } from '../common';

export default function Objections() {
  const t = useT();
  const { data, error, loading } = useQuery(ObjectionsDocument, { variables: { first: 100 } });
  const rows = data?.objections?.edges.map((e) => e.node) ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('数据异议')}</Typography.Title>
      {error && <Alert type="error" message={messageOf(error)} />}
      <Table size="small" rowKey="id" loading={loading && !data} data-testid="objections" dataSource={rows}
        columns={[
          { title: t('资源'), render: (_: unknown, o) => o.resource?.name ?? o.resourceId },
          { title: t('异议人'), dataIndex: 'objectorName' },
          { title: t('理由'), render: (_: unknown, o) => t(o.ground) },
          { title: t('描述'), dataIndex: 'description' },
          { title: t('状态'), render: (_: unknown, o) => <Space size={2}><Tag>{t(o.status)}</Tag>{o.suspended && <Tag color="orange">{t('已暂停使用')}</Tag>}</Space> },
          { title: t('核实期限'), render: (_: unknown, o) => (o.status === 'RECEIVED' || o.status === 'SUSPENDED')
            ? <Deadline at={o.verifyDeadline} day={o.verifyDeadlineDay} official={o.verifyDeadlineOfficial} overdue={!!o.verifyDeadline && new Date(o.verifyDeadline) < new Date()} /> : null },
          { title: t('决定'), render: (_: unknown, o) => [o.decision && t(o.decision), o.finding].filter(Boolean).join(' · ') },
          { title: t('答复'), dataIndex: 'answer' },
          { title: t('时间'), render: (_: unknown, o) => day(o.createdAt) },
        ]} />
    </Space>
  );
}
