// The audit log of the caller's region and a check of the SM3 chain.
import { useLazyQuery, useQuery } from '@apollo/client';
import { Alert, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { AuditRecordsDocument, VerifyAuditChainDocument } from '../../gql/oversight';
import { type AuditAction } from '../../gql/graphql';
import { messageOf } from '../../errors';
import { useT } from '../../i18n';

const ACTIONS: AuditAction[] = ['COLLECT', 'SHARE', 'QUERY', 'VERIFY', 'DOWNLOAD', 'ACCESS', 'UPDATE', 'APPROVE', 'EXPORT', 'IMPORT'];

export default function Audit() {
  const t = useT();
  const [action, setAction] = useState<AuditAction>();
  const { data, error, loading, fetchMore } = useQuery(AuditRecordsDocument, { variables: { first: 30, filter: action ? { action } : undefined } });
  const [verify, v] = useLazyQuery(VerifyAuditChainDocument, { fetchPolicy: 'network-only' });
  const page = data?.auditRecords;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('审计日志')}</Typography.Title>
      <Space wrap>
        <Select aria-label={t('动作')} allowClear placeholder={t('动作')} style={{ width: 160 }} value={action} onChange={setAction} options={ACTIONS.map((a) => ({ value: a, label: a }))} />
        <Button type="primary" loading={v.loading} onClick={() => void verify()}>{t('校验审计链')}</Button>
      </Space>
      {v.error && <Alert type="error" message={messageOf(v.error)} />}
      {v.data && <Alert data-testid="chain" type={v.data.verifyAuditChain?.ok ? 'success' : 'error'}
        message={v.data.verifyAuditChain?.ok
          ? `${t('链完整')} · ${t('已校验')} ${v.data.verifyAuditChain?.checked}`
          : `${t('链断裂于')} seq ${v.data.verifyAuditChain?.firstBrokenSeq} (${v.data.verifyAuditChain?.firstBrokenId})`} />}
      {error && <Alert type="error" message={messageOf(error)} />}
      <Table size="small" rowKey="id" loading={loading && !data} dataSource={page?.edges.map((e) => e.node)} pagination={false}
        title={() => `${t('共')} ${page?.totalCount ?? 0} ${t('条')}`}
        columns={[
          { title: 'seq', dataIndex: 'seq', width: 70 },
          { title: t('时间'), render: (_, r) => r.at.slice(0, 19).replace('T', ' ') },
          { title: t('操作人'), dataIndex: 'actor' },
          { title: t('动作'), render: (_, r) => <Tag>{r.action}</Tag> },
          { title: t('结果'), dataIndex: 'outcome' },
          { title: t('资源'), dataIndex: 'resourceId' },
          { title: 'detail', dataIndex: 'detail', ellipsis: true },
          { title: 'SM3', render: (_, r) => <code>{r.hash.slice(0, 12)}…</code> },
        ]} />
      {page?.pageInfo.hasNextPage && <Button onClick={() => void fetchMore({
        variables: { after: page.pageInfo.endCursor },
        updateQuery: (prev, { fetchMoreResult }) => (fetchMoreResult.auditRecords && prev.auditRecords
          ? { auditRecords: { ...fetchMoreResult.auditRecords, edges: [...prev.auditRecords.edges, ...fetchMoreResult.auditRecords.edges] } }
          : fetchMoreResult),
      })}>…</Button>}
    </Space>
  );
}
