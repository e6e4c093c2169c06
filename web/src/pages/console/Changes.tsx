// Change requests of published entries: the proposed change side by side with the current version; the authority decides.
import { useMutation, useQuery } from '@apollo/client';
import { Alert, Button, Card, Checkbox, Input, message, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ChangeRequestsDocument, ReviewDataResourceChangeDocument } from '../../gql/catalog';
import { messageOf } from '../../errors';
import { useT } from '../../i18n';
import { REFRESH_TASKS } from './tasks-query';
import { SideBySideDiff } from './Diff';

export default function Changes() {
  const t = useT();
  const [overdue, setOverdue] = useState(false);
  const { data, loading, error, refetch } = useQuery(ChangeRequestsDocument, { variables: { first: 30, overdue: overdue || null } });
  const [review] = useMutation(ReviewDataResourceChangeDocument, REFRESH_TASKS);
  const [comments, setComments] = useState<Record<string, string>>({});
  const decide = async (id: string, approve: boolean) => {
    try {
      const res = await review({ variables: { id, approve, comment: comments[id] || null } });
      if (res.data?.reviewDataResourceChange.pending) void message.info(t('处理中'));
      await refetch();
    } catch (e) { void message.error(messageOf(e)); }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('变更申请')}</Typography.Title>
      <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>{t('逾期')}</Checkbox>
      {error && <Alert type="error" message={messageOf(error)} />}
      {loading && !data ? null : data?.changeRequests?.edges.length === 0 && <Alert type="info" message={t('暂无数据')} />}
      {data?.changeRequests?.edges.map(({ node: c }) => (
        <Card key={c.id} size="small" title={<Space>{c.resourceId}<Tag>{c.status}</Tag><span>v{c.baseVersion}{c.newVersion ? ` → v${c.newVersion}` : ''}</span>{c.reviewOverdue && <Tag color="red">{t('已逾期')}</Tag>}</Space>}
          extra={c.reviewDeadline && <span>{t('审核期限')}: {c.reviewDeadline.slice(0, 10)}</span>}>
          <p>{t('依据')}: {c.basis} · {t('理由')}: {c.reason} · {t('申请人')}: {c.requestedBy}</p>
          <SideBySideDiff changes={c.diff} />
          {c.status === 'PENDING' && (
            <Space style={{ marginTop: 8 }}>
              <Input aria-label={t('意见')} placeholder={t('意见')} value={comments[c.id] ?? ''} onChange={(e) => setComments({ ...comments, [c.id]: e.target.value })} />
              <Button type="primary" onClick={() => void decide(c.id, true)}>{t('通过')}</Button>
              <Button danger onClick={() => void decide(c.id, false)}>{t('驳回')}</Button>
            </Space>
          )}
        </Card>
      ))}
    </Space>
  );
}
