// The per-user inbox (issue 14 §4): notices are derived from the audit records security chains, in the chain's own
// transaction, so nothing polls another service's tables and a notice exists exactly when its record does.
import { randomUUID } from 'node:crypto';
import { AUDIT_NOTICE_KINDS, type AuditNotice } from '@gov/kit';
import type { User } from '@gov/kit';
import type { EntityManager } from 'typeorm';
import { enqueueWebhookDeliveries } from './webhooks';

export const NOTICE_KINDS = AUDIT_NOTICE_KINDS;

/**
 * Writes the notices of freshly chained records (`recordId` unique: a record notifies once), and the deliveries to the
 * webhooks of the departments they are addressed to, in the same transaction.
 */
export async function insertNotices(m: EntityManager, fresh: Array<{ recordId: string; notice: AuditNotice }>): Promise<void> {
  const rows = fresh.filter((f) => f.notice.recipients.length);
  if (!rows.length) return;
  const ids = rows.map(() => randomUUID());
  await m.query('INSERT IGNORE INTO notification (id, record_id, kind, title, subject_type, subject_id, link) VALUES ?', [
    rows.map((f, i) => [ids[i], f.recordId, f.notice.kind, f.notice.title.slice(0, 200), f.notice.subjectType.slice(0, 40), f.notice.subjectId.slice(0, 64), f.notice.link?.slice(0, 300) ?? null]),
  ]);
  await m.query('INSERT IGNORE INTO notification_recipient (notification_id, n, username, department_id, region_code, role) VALUES ?', [
    rows.flatMap((f, i) => f.notice.recipients.map((r, n) => [ids[i], n, r.username ?? null, r.departmentId ?? null, r.regionCode ?? null, r.role ?? null])),
  ]);
  await enqueueWebhookDeliveries(m, rows.map((f, i) => ({ id: ids[i], notice: f.notice })));
}

/** The SQL condition "addressed to this user": by name, or by a role the user holds in the user's department or region. */
export function addressedTo(user: User): { sql: string; params: unknown[] } {
  const roles = user.roles.length ? user.roles : ['-'];
  const marks = roles.map(() => '?').join(',');
  return {
    sql: `EXISTS (SELECT 1 FROM notification_recipient r WHERE r.notification_id = n.id AND (r.username = ?
      OR (r.department_id IS NOT NULL AND r.department_id = ? AND r.role IN (${marks}))
      OR (r.department_id IS NULL AND r.region_code IS NOT NULL AND r.region_code = ? AND r.role IN (${marks}))))`,
    params: [user.username, user.department ?? '-', ...roles, user.region ?? '-', ...roles],
  };
}

export interface NoticeRow { id: string; kind: string; title: string; subjectType: string; subjectId: string; link: string | null; createdAt: Date; readAt: Date | null }

/** The caller's notices, newest first, with the totals for a badge. */
export async function inboxOf(m: EntityManager, user: User, first: number, unreadOnly: boolean): Promise<{ rows: NoticeRow[]; totalCount: number; unreadCount: number }> {
  const to = addressedTo(user);
  const from = `FROM notification n LEFT JOIN notification_read x ON x.notification_id = n.id AND x.username = ? WHERE ${to.sql}`;
  const params = [user.username, ...to.params];
  const [counts] = await m.query(`SELECT COUNT(*) AS total, COALESCE(SUM(x.notification_id IS NULL), 0) AS unread ${from}`, params) as Array<{ total: string | number; unread: string | number }>;
  const rows = await m.query(
    `SELECT n.id, n.kind, n.title, n.subject_type AS subjectType, n.subject_id AS subjectId, n.link, n.created_at AS createdAt, x.read_at AS readAt
     ${from}${unreadOnly ? ' AND x.notification_id IS NULL' : ''} ORDER BY n.created_at DESC, n.id DESC LIMIT ?`, [...params, first]) as NoticeRow[];
  return { rows, totalCount: Number(counts.total), unreadCount: Number(counts.unread) };
}

/** Marks those of `ids` addressed to the caller read (again: nothing changes); returns how many of them are the caller's. */
export async function markRead(m: EntityManager, user: User, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const to = addressedTo(user);
  const own = await m.query(`SELECT n.id FROM notification n WHERE n.id IN (${ids.map(() => '?').join(',')}) AND ${to.sql}`, [...ids, ...to.params]) as Array<{ id: string }>;
  if (own.length) await m.query('INSERT IGNORE INTO notification_read (notification_id, username) VALUES ?', [own.map((o) => [o.id, user.username])]);
  return own.length;
}
