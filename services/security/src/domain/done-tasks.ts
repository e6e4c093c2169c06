// 已办 (issue 14 §3): the to-do items the subgraphs report done on their audit records (`done`), kept in the chain's own
// transaction, so the history exists exactly when the record does and nothing polls another service's tables.
import { coveredRegionSql, hasRole, type AuditDone, type User } from '@gov/kit';
import type { EntityManager } from 'typeorm';

export interface DoneRow { recordId: string; item: AuditDone; doneBy: string; doneByDepartment: string | null; doneByRegion: string | null; doneAt: Date }

/** Writes the done items of freshly chained records (INSERT IGNORE on record_id: a record completes its item once). */
export async function insertDone(m: EntityManager, rows: DoneRow[]): Promise<void> {
  if (!rows.length) return;
  await m.query(`INSERT IGNORE INTO done_task (record_id, type, subject_id, stage, title, department_id, region_code, outcome, done_by,
    done_by_department, done_by_region, done_at) VALUES ?`, [rows.map((r) => [
    r.recordId, r.item.type, r.item.id, r.item.stage ?? null, r.item.title.slice(0, 200), r.item.departmentId, r.item.regionCode,
    r.item.outcome ?? null, r.doneBy, r.doneByDepartment, r.doneByRegion, r.doneAt,
  ])]);
}

export type DoneScope = 'MINE' | 'DEPARTMENT';

export interface DoneTaskRow {
  recordId: string; type: string; id: string; stage: string | null; title: string; departmentId: string; regionCode: string;
  outcome: string | null; doneAt: Date; doneBy: string;
}

/**
 * The SQL condition of a scope: MINE = done by the caller; DEPARTMENT = done by anyone of the caller's department (a
 * department administrator), or by anyone of a region the caller's covers (an authority: a city covers its counties).
 * null: the caller may not see that scope.
 */
export function doneScopeSql(user: User, scope: DoneScope): { sql: string; params: Record<string, unknown> } | null {
  if (scope === 'MINE') return { sql: 'd.done_by = :doneBy', params: { doneBy: user.username } };
  const or: string[] = [];
  const params: Record<string, unknown> = {};
  if (hasRole(user, 'dept-admin') && user.department) {
    or.push('d.done_by_department = :doneDept');
    params.doneDept = user.department;
  }
  if (hasRole(user, 'authority') && user.region) {
    const c = coveredRegionSql('d.done_by_region', user.region, 'doneRegion');
    or.push(c.sql);
    Object.assign(params, c.params);
  }
  return or.length ? { sql: `(${or.join(' OR ')})`, params } : null;
}

/** The scope's done items, newest first, and how many there are. */
export async function doneTasksOf(m: EntityManager, where: { sql: string; params: Record<string, unknown> }, first: number, offset: number): Promise<{ rows: DoneTaskRow[]; total: number }> {
  const qb = () => m.createQueryBuilder().from('done_task', 'd').where(where.sql, where.params);
  const [rows, total] = await Promise.all([
    qb().select(['d.record_id AS recordId', 'd.type AS type', 'd.subject_id AS id', 'd.stage AS stage', 'd.title AS title', 'd.department_id AS departmentId',
      'd.region_code AS regionCode', 'd.outcome AS outcome', 'd.done_at AS doneAt', 'd.done_by AS doneBy'])
      .orderBy('d.done_at', 'DESC').addOrderBy('d.record_id', 'DESC').offset(offset).limit(first).getRawMany<DoneTaskRow>(),
    qb().select('COUNT(*)', 'n').getRawOne<{ n: string | number }>(),
  ]);
  return { rows: rows.map((r) => ({ ...r, doneAt: new Date(r.doneAt) })), total: Number(total?.n ?? 0) };
}
