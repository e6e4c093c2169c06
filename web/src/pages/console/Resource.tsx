// One catalog entry: metadata, items, submit/review actions, and a side-by-side diff of any two published versions.
import { useLazyQuery, useMutation, useQuery } from '@apollo/client';
import { Alert, Button, Descriptions, Input, message, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { DataResourceDiffDocument, DataResourcePageDocument, ReviewDataResourceDocument, SubmitDataResourceDocument } from '../../gql/catalog';
import { messageOf } from '../../errors';
import { useT } from '../../i18n';
import { REFRESH_TASKS } from './tasks-query';
import { SideBySideDiff } from './Diff';

export default function Resource() {
  const t = useT();
  const { id } = useParams();
  const { data, loading, error, refetch } = useQuery(DataResourcePageDocument, { variables: { id: id! } });
  const [submit] = useMutation(SubmitDataResourceDocument);
  const [review] = useMutation(ReviewDataResourceDocument, REFRESH_TASKS);
  const [diff, diffResult] = useLazyQuery(DataResourceDiffDocument);
  const [comment, setComment] = useState('');
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const r = data?.dataResource;
  if (loading && !r) return <Spin />;
  if (!r) return <Alert type="error" message={error ? messageOf(error) : t('暂无数据')} />;
  const versions = data?.dataResourceVersions?.edges.map((e) => e.node.version) ?? [];
  // A decision the workflow has not applied yet comes back `pending`: say so instead of showing the old state as final.
  const act = async (p: Promise<{ data?: { [k: string]: { pending: boolean } } | null }>) => {
    try {
      const res = await p;
      if (Object.values(res.data ?? {}).some((v) => v.pending)) void message.info(t('处理中'));
      await refetch();
    } catch (e) { void message.error(messageOf(e)); }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={2}>{r.name} <Tag>{r.status}</Tag></Typography.Title>
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label={t('编码')}>{r.code}</Descriptions.Item>
        <Descriptions.Item label={t('部门')}>{r.department.name}</Descriptions.Item>
        <Descriptions.Item label={t('共享类型')}>{r.shareType}{r.shareCondition ? ` (${r.shareCondition})` : ''}</Descriptions.Item>
        <Descriptions.Item label={t('开放类型')}>{r.openType}</Descriptions.Item>
        <Descriptions.Item label={t('分级')}>{r.grade}</Descriptions.Item>
        <Descriptions.Item label={t('版本')}>{r.version}</Descriptions.Item>
        <Descriptions.Item label={t('审核期限')}>{r.reviewDeadline?.slice(0, 10)} {r.reviewOverdue && <Tag color="red">{t('已逾期')}</Tag>}</Descriptions.Item>
        <Descriptions.Item label={t('意见')}>{r.reviewComment}</Descriptions.Item>
      </Descriptions>
      <Space wrap>
        {r.status === 'DRAFT' && <Button type="primary" onClick={() => void act(submit({ variables: { id: r.id } }))}>{t('提交审核')}</Button>}
        {r.status === 'SUBMITTED' && <>
          <Input aria-label={t('意见')} placeholder={t('意见')} value={comment} onChange={(e) => setComment(e.target.value)} style={{ width: 280 }} />
          <Button type="primary" onClick={() => void act(review({ variables: { id: r.id, approve: true, comment: comment || null } }))}>{t('通过')}</Button>
          <Button danger onClick={() => void act(review({ variables: { id: r.id, approve: false, comment: comment || null } }))}>{t('驳回')}</Button>
        </>}
      </Space>
      <Typography.Title level={3}>{t('数据项')}</Typography.Title>
      <Table size="small" rowKey="name" pagination={false} dataSource={r.items}
        columns={[{ title: t('名称'), dataIndex: 'name' }, { title: t('类型'), dataIndex: 'type' }, { title: t('长度'), dataIndex: 'length' }, { title: t('敏感级别'), dataIndex: 'sensitivity' }]} />
      {versions.length > 1 && <>
        <Typography.Title level={3}>{t('版本对比')}</Typography.Title>
        <Space>
          <Select aria-label={t('变更前')} placeholder={t('变更前')} style={{ width: 120 }} value={from} onChange={setFrom} options={versions.map((v) => ({ value: v, label: `v${v}` }))} />
          <Select aria-label={t('变更后')} placeholder={t('变更后')} style={{ width: 120 }} value={to} onChange={setTo} options={versions.map((v) => ({ value: v, label: `v${v}` }))} />
          <Button disabled={!from || !to} onClick={() => void diff({ variables: { resourceId: r.id, fromVersion: from!, toVersion: to! } })}>{t('版本对比')}</Button>
        </Space>
        {diffResult.error && <Alert type="error" message={messageOf(diffResult.error)} />}
        {diffResult.data && <SideBySideDiff changes={diffResult.data.dataResourceDiff ?? []} />}
      </>}
    </Space>
  );
}
