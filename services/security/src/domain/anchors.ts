// Daily anchors of the audit chain (上链, 000 §25): anchoring a China day (the daily workflow's activity and the
// mutation both call it) and checking an anchor again against the live records.
import { randomUUID } from 'node:crypto';
import { BadUserInputError } from '@gov/kit';
import type { DataSource } from 'typeorm';
import { AuditRecord } from '../entities/audit-record';
import { AuditAnchor } from '../entities/audit-anchor';
import { anchorPayload, chinaDay, chinaDayBounds, merkleRoot, verifyAnchor, type SigningKey } from './anchor';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function checkDay(day: string, now: Date): void {
  if (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00+08:00`)) || chinaDay(new Date(`${day}T12:00:00+08:00`)) !== day) {
    throw BadUserInputError.field('day', 'must be a calendar day YYYY-MM-DD');
  }
  if (day > chinaDay(now)) throw BadUserInputError.field('day', 'must not be in the future');
}

/** Anchors one China day. Idempotent per (day, lastSeq). */
export async function anchorDay(deps: { ds: DataSource; signer: SigningKey }, day: string, now = new Date()): Promise<AuditAnchor> {
  checkDay(day, now);
  const { start, end } = chinaDayBounds(day);
  return deps.ds.transaction('REPEATABLE READ', async (m) => {
    const rows: Array<{ seq: string | number; hash: string }> = await m.getRepository(AuditRecord).createQueryBuilder('a')
      .select(['a.seq AS seq', 'a.hash AS hash']).where('a.at >= :start AND a.at < :end', { start, end }).orderBy('a.seq', 'ASC').getRawMany();
    const body = {
      day, complete: now >= end, recordCount: rows.length, merkleRoot: merkleRoot(rows.map((r) => r.hash)),
      firstSeq: rows.length ? Number(rows[0].seq) : null, lastSeq: rows.length ? Number(rows[rows.length - 1].seq) : null,
    };
    const repo = m.getRepository(AuditAnchor);
    const same = await repo.findOneBy({ day, merkleRoot: body.merkleRoot, complete: body.complete, recordCount: body.recordCount });
    if (same) return same;
    const signedPayload = anchorPayload(body);
    const anchor = repo.create({ id: randomUUID(), ...body, signedPayload, signature: deps.signer.sign(signedPayload), signerId: deps.signer.signerId, publicKeyPem: deps.signer.publicKeyPem });
    await repo.insert(anchor);
    return repo.findOneByOrFail({ id: anchor.id });
  });
}

/** The latest anchor of a day checked again: its signature, and its root recomputed (null when archived out). */
export async function verifyLatestAnchor(ds: DataSource, day: string): Promise<{ ok: boolean; signatureValid: boolean; recomputedRoot: string | null; anchor: AuditAnchor } | null> {
  checkDay(day, new Date());
  const anchor = await ds.getRepository(AuditAnchor).findOne({ where: { day }, order: { anchoredAt: 'DESC' } });
  if (!anchor) return null;
  const signatureValid = verifyAnchor(anchor);
  let recomputedRoot: string | null = null;
  if (anchor.firstSeq === null || anchor.lastSeq === null) {
    recomputedRoot = merkleRoot([]);
  } else {
    const rows: Array<{ hash: string }> = await ds.getRepository(AuditRecord).createQueryBuilder('a').select('a.hash AS hash')
      .where('a.seq >= :f AND a.seq <= :l', { f: anchor.firstSeq, l: anchor.lastSeq }).orderBy('a.seq', 'ASC').getRawMany();
    // The anchor covers the day's records in that seq range; all gone = archived, some gone = tampering.
    if (rows.length) {
      const { start, end } = chinaDayBounds(day);
      const inDay: Array<{ hash: string }> = await ds.getRepository(AuditRecord).createQueryBuilder('a').select('a.hash AS hash')
        .where('a.seq >= :f AND a.seq <= :l AND a.at >= :start AND a.at < :end', { f: anchor.firstSeq, l: anchor.lastSeq, start, end })
        .orderBy('a.seq', 'ASC').getRawMany();
      recomputedRoot = merkleRoot(inDay.map((r) => r.hash));
    }
  }
  const ok = signatureValid && (recomputedRoot === null || recomputedRoot === anchor.merkleRoot);
  return { ok, signatureValid, recomputedRoot, anchor };
}
