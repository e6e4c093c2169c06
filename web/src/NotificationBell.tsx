// The inbox in the header: notices of tasks, decisions and escalations addressed to the caller (security's
// myNotifications, fed by the audit records the subgraphs write), an unread badge, and "mark all read".
import { useMutation, useQuery } from '@apollo/client';
import { Badge, Button, List, Popover, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { MarkNotificationsReadDocument, MyNotificationsDocument } from './gql/notifications';
import { useT } from './i18n';

const KIND_COLOR: Record<string, string> = { TASK: 'blue', DECISION: 'green', ESCALATION: 'red', REMINDER: 'orange' };
const KIND_LABEL: Record<string, string> = { TASK: '待办', DECISION: '决定', ESCALATION: '超期督办', REMINDER: '到期提醒' };

export function NotificationBell() {
  const t = useT();
  const { data, refetch } = useQuery(MyNotificationsDocument, { variables: { first: 20, unreadOnly: false }, pollInterval: 30_000, fetchPolicy: 'cache-and-network' });
  const [markRead, marking] = useMutation(MarkNotificationsReadDocument);
  const inbox = data?.myNotifications;
  if (!inbox) return null;
  const unread = inbox.edges.map((e) => e.node).filter((n) => !n.readAt).map((n) => n.id);
  const content = (
    <div style={{ width: 380 }} data-testid="notifications">
      <List size="small" locale={{ emptyText: t('暂无通知') }} dataSource={inbox.edges.map((e) => e.node)}
        renderItem={(n) => (
          <List.Item data-notice={n.resourceId} data-read={n.readAt ? 'yes' : 'no'}>
            <List.Item.Meta
              title={<span style={{ fontWeight: n.readAt ? 'normal' : 600 }}><Tag color={KIND_COLOR[n.kind]}>{t(KIND_LABEL[n.kind] ?? n.kind)}</Tag>
                {n.link ? <Link to={n.link}>{n.title}</Link> : n.title}</span>}
              description={<Typography.Text type="secondary">{new Date(n.createdAt as string).toLocaleString()}{n.readAt ? '' : ` · ${t('未读')}`}</Typography.Text>} />
          </List.Item>
        )} />
      <Button block size="small" disabled={!unread.length} loading={marking.loading}
        onClick={() => void markRead({ variables: { ids: unread } }).then(() => refetch())}>{t('全部标为已读')}</Button>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={`${t('通知')}（${t('共')} ${inbox.totalCount}）`} content={content}>
      <Badge count={inbox.unreadCount} size="small" color="#cf1322" data-testid="notification-badge">
        <Button size="small">{t("通知")}</Button>
      </Badge>
    </Popover>
  );
}
