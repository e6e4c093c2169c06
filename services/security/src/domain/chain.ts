// The audit hash chain, pure: canonical form, SM3 link hash, and a streaming verifier (no database here).
import { sm3Hex } from '@gov/gm-crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a link hash covers: everything of the record except prevHash (prefixed) and the hash itself. */
export interface AuditFields {
  id: string;
  seq: number;
  actor: string;
  actorSub: string;
  departmentId: string | null;
  regionCode: string | null;
  action: string;
  resourceId: string | null;
  grantId: string | null;
  scenario: string | null;
  items: string[];
  outcome: string;
  requestId: string;
  detail: string | null;
  source: string | null;
  at: Date;
  /** When the operation happened at its source (the outbox); null for records appended before the outbox. */
  occurredAt?: Date | null;
}
export interface ChainedRecord extends AuditFields { prevHash: string; hash: string }

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  }
  return v;
}

/** Canonical JSON: keys sorted, no whitespace, absent values as null (detail/source: omitted), `at` as ISO-8601 UTC with milliseconds. */
export function canonicalJson(r: AuditFields): string {
  const fields: Record<Exclude<keyof AuditFields, 'detail' | 'source' | 'occurredAt'>, unknown> = {
    id: r.id, seq: r.seq, actor: r.actor, actorSub: r.actorSub, departmentId: r.departmentId ?? null, regionCode: r.regionCode ?? null,
    action: r.action, resourceId: r.resourceId ?? null, grantId: r.grantId ?? null, scenario: r.scenario ?? null,
    items: [...r.items], outcome: r.outcome, requestId: r.requestId, at: r.at.toISOString(),
  };
  // Fields added after the first records were written enter the canonical form only when set: older records verify.
  const later: Record<string, unknown> = {};
  if (r.detail !== null && r.detail !== undefined) later.detail = r.detail;
  if (r.source !== null && r.source !== undefined) later.source = r.source;
  if (r.occurredAt) later.occurredAt = r.occurredAt.toISOString();
  return JSON.stringify(sortKeys({ ...fields, ...later }));
}

/** hash = SM3(prevHash || canonical JSON), lower-case hex. */
export function auditHash(prevHash: string, r: AuditFields): string {
  return sm3Hex(prevHash, canonicalJson(r));
}

/**
 * Checks records fed in seq order, stopping at the first break: a missing seq, a prevHash that is not the previous
 * record's hash, or a hash that does not recompute.
 */
export class ChainVerifier {
  checked = 0;
  firstBrokenSeq: number | null = null;

  constructor(private expectedSeq: number, private expectedPrev: string) {}

  get ok(): boolean { return this.firstBrokenSeq === null; }

  push(r: ChainedRecord): boolean {
    if (!this.ok) return false;
    if (r.seq !== this.expectedSeq) return this.breakAt(this.expectedSeq); // a record was removed
    if (r.prevHash !== this.expectedPrev || auditHash(r.prevHash, r) !== r.hash) return this.breakAt(r.seq);
    this.checked += 1;
    this.expectedSeq += 1;
    this.expectedPrev = r.hash;
    return true;
  }

  /** After the last record: records up to `lastSeq` must all have come, and the head must point at the last hash. */
  finish(lastSeq: number, head?: { lastSeq: number; lastHash: string }): void {
    if (!this.ok) return;
    if (this.expectedSeq <= lastSeq) { this.breakAt(this.expectedSeq); return; }
    if (head && lastSeq === head.lastSeq && this.checked > 0 && this.expectedPrev !== head.lastHash) this.breakAt(lastSeq);
  }

  private breakAt(seq: number): false {
    this.firstBrokenSeq = seq;
    return false;
  }
}
