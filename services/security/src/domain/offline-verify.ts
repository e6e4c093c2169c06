// Anchors a third party can hold (上链, 000 §25): the anchor as a self-contained file, and the offline check of an
// exported audit range (exportAuditRecords CSV) against it — every record's SM3 link recomputed, the chain links, and
// the day's Merkle root and count compared with the signed anchor. No database, no network: scripts/verify-audit-export.mjs.
import { parse } from 'csv-parse/sync';
import type { AuditAnchor } from '../entities/audit-anchor';
import { anchorPayload, chinaDay, merkleRoot, verifyAnchor } from './anchor';
import { auditHash, type ChainedRecord } from './chain';

export const ANCHOR_FILE_FORMAT = 'gov-audit-anchor-file/1';

export interface AnchorFile {
  format: typeof ANCHOR_FILE_FORMAT;
  day: string; complete: boolean; firstSeq: number | null; lastSeq: number | null; recordCount: number; merkleRoot: string;
  signedPayload: string; signature: string; signerId: string; publicKeyPem: string; anchoredAt: string;
  /** How to check it, for whoever holds the file without this code. */
  method: string;
}

export function anchorFile(a: AuditAnchor): AnchorFile {
  return {
    format: ANCHOR_FILE_FORMAT, day: a.day, complete: a.complete, firstSeq: a.firstSeq, lastSeq: a.lastSeq, recordCount: a.recordCount,
    merkleRoot: a.merkleRoot, signedPayload: a.signedPayload, signature: a.signature, signerId: a.signerId, publicKeyPem: a.publicKeyPem,
    anchoredAt: a.anchoredAt.toISOString(),
    method: 'SM2 (GB/T 32918.2, SM3, DER signature, distinguishing id = signerId) over signedPayload; merkleRoot = RFC 6962-style SM3 tree '
      + '(leaf SM3(0x00||hash), node SM3(0x01||l||r), odd node carried up) over the hashes of the day\'s records (China time) in seq order; '
      + 'record hash = SM3(prevHash || canonical JSON)',
  };
}

/** Undoes the export's CSV-injection guard (a leading ' before = + - @ tab CR). */
const unguard = (v: string): string => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

/** The records of an exportAuditRecords CSV (BOM, header row of column names). */
export function parseAuditCsv(text: string): ChainedRecord[] {
  const rows = parse(text.replace(/^\ufeff/, ''), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  return rows.map((raw) => {
    const v = (k: string): string | null => { const x = unguard(raw[k] ?? ''); return x === '' ? null : x; };
    if (!raw.id || !raw.hash) throw new Error('the export has no id / hash columns: export it again with this version');
    return {
      id: v('id')!, seq: Number(v('seq')), actor: v('actor') ?? '', actorSub: v('actorSub') ?? '', departmentId: v('departmentId'), regionCode: v('regionCode'),
      action: v('action') ?? '', resourceId: v('resourceId'), grantId: v('grantId'), scenario: v('scenario'),
      items: v('items') ? v('items')!.split(';') : [], outcome: v('outcome') ?? '', requestId: v('requestId') ?? '', detail: v('detail'), source: v('source'),
      at: new Date(v('at')!), occurredAt: v('occurredAt') ? new Date(v('occurredAt')!) : null, prevHash: v('prevHash') ?? '', hash: v('hash') ?? '',
    };
  });
}

export interface OfflineVerification {
  ok: boolean;
  signatureValid: boolean;
  /** Records of the anchored day found in the export, and the root recomputed from them. */
  dayRecords: number;
  recomputedRoot: string;
  /** Each problem names the record (seq) it concerns. */
  problems: string[];
}

export function verifyExportAgainstAnchor(anchor: AnchorFile, records: ChainedRecord[]): OfflineVerification {
  const problems: string[] = [];
  const signatureValid = anchor.signedPayload === anchorPayload(anchor) && verifyAnchor(anchor);
  if (!signatureValid) problems.push('the anchor\'s SM2 signature does not verify (or its fields differ from the signed payload)');
  const sorted = [...records].sort((a, b) => a.seq - b.seq);
  sorted.forEach((r, i) => {
    if (auditHash(r.prevHash, r) !== r.hash) problems.push(`seq ${r.seq}: the record does not match its hash (altered)`);
    const before = sorted[i - 1];
    if (before && before.seq === r.seq - 1 && r.prevHash !== before.hash) problems.push(`seq ${r.seq}: prevHash does not link to seq ${before.seq}`);
  });
  const inDay = anchor.firstSeq === null || anchor.lastSeq === null ? []
    : sorted.filter((r) => r.seq >= anchor.firstSeq! && r.seq <= anchor.lastSeq! && chinaDay(r.at) === anchor.day);
  // Recomputed hashes: a record altered together with its stored hash still changes the root.
  const recomputedRoot = merkleRoot(inDay.map((r) => auditHash(r.prevHash, r)));
  if (inDay.length !== anchor.recordCount) problems.push(`the export holds ${inDay.length} records of ${anchor.day}; the anchor counts ${anchor.recordCount}`);
  else if (recomputedRoot !== anchor.merkleRoot) problems.push(`the Merkle root of the exported records of ${anchor.day} differs from the anchor's`);
  return { ok: problems.length === 0, signatureValid, dayRecords: inDay.length, recomputedRoot, problems };
}

/** The latest anchor of a day as a public file (000 §25): fields, file name and the JSON text to archive. */
export function publicAnchor(a: AuditAnchor): AnchorFile & { fileName: string; fileJson: string } {
  const file = anchorFile(a);
  return { ...file, fileName: `audit-anchor-${a.day}.json`, fileJson: `${JSON.stringify(file, null, 2)}\n` };
}
