import { anchorPayload, merkleRoot, signingKeyFromEnv } from './anchor';
import { auditHash, GENESIS_HASH, type ChainedRecord } from './chain';
import { auditCsv } from './export';
import { anchorFile, parseAuditCsv, verifyExportAgainstAnchor } from './offline-verify';
import type { AuditAnchor } from '../entities/audit-anchor';
import type { AuditRecord } from '../entities/audit-record';

/** Three chained records of 2026-01-05 (China time), one of the day after. */
function chain(): ChainedRecord[] {
  const out: ChainedRecord[] = [];
  let prev = GENESIS_HASH;
  const ats = ['2026-01-05T01:00:00.000Z', '2026-01-05T02:00:00.123Z', '2026-01-05T03:00:00.000Z', '2026-01-05T17:00:00.000Z'];
  ats.forEach((at, i) => {
    const r = {
      id: `00000000-0000-4000-8000-00000000000${i}`, seq: i + 1, actor: 'city-wjw-user', actorSub: 'sub', departmentId: '420600-wjw', regionCode: '420600',
      action: 'QUERY', resourceId: i === 1 ? null : 'res-1', grantId: null, scenario: null, items: i === 0 ? ['姓名', '住址'] : [], outcome: 'SUCCESS',
      requestId: `req-${i}`, detail: i === 2 ? '-rows=3, "quoted"' : null, source: 'sharing', at: new Date(at), occurredAt: i === 0 ? new Date('2026-01-05T00:59:59.000Z') : null,
    };
    const hash = auditHash(prev, r);
    out.push({ ...r, prevHash: prev, hash });
    prev = hash;
  });
  return out;
}

function anchorOf(records: ChainedRecord[]) {
  const key = signingKeyFromEnv({ NODE_ENV: 'test' });
  const day = records.slice(0, 3);
  const body = { day: '2026-01-05', complete: true, firstSeq: 1, lastSeq: 3, recordCount: 3, merkleRoot: merkleRoot(day.map((r) => r.hash)) };
  const signedPayload = anchorPayload(body);
  return anchorFile({ ...body, id: 'a', signedPayload, signature: key.sign(signedPayload), signerId: key.signerId, publicKeyPem: key.publicKeyPem, anchoredAt: new Date() } as AuditAnchor);
}

describe('000 §25 anchors a third party can hold: an exported range checked offline against the day\'s anchor', () => {
  const records = chain();
  const csv = auditCsv(records as unknown as AuditRecord[]).toString('utf8');
  const anchor = anchorOf(records);

  test('000 §25: the CSV export round-trips every hashed field and verifies against the anchor file', () => {
    const parsed = parseAuditCsv(csv);
    expect(parsed.map((r) => r.hash)).toEqual(records.map((r) => r.hash));
    expect(verifyExportAgainstAnchor(JSON.parse(JSON.stringify(anchor)), parsed)).toMatchObject({ ok: true, signatureValid: true, dayRecords: 3, problems: [] });
  });

  test('000 §25: an altered record is named by its seq; altered with its hash rewritten, the root no longer matches', () => {
    const altered = csv.replace('req-1', 'req-9');
    expect(verifyExportAgainstAnchor(anchor, parseAuditCsv(altered)).problems).toEqual([
      'seq 2: the record does not match its hash (altered)', "the Merkle root of the exported records of 2026-01-05 differs from the anchor's",
    ]);
    const rewritten = parseAuditCsv(altered);
    rewritten[1].hash = auditHash(rewritten[1].prevHash, rewritten[1]);
    const res = verifyExportAgainstAnchor(anchor, rewritten);
    expect(res.ok).toBe(false);
    expect(res.problems).toEqual(expect.arrayContaining(['seq 3: prevHash does not link to seq 2', "the Merkle root of the exported records of 2026-01-05 differs from the anchor's"]));
  });

  test('000 §25: a removed record, a forged anchor field or another signer id fail', () => {
    const parsed = parseAuditCsv(csv);
    expect(verifyExportAgainstAnchor(anchor, parsed.filter((r) => r.seq !== 2)).ok).toBe(false);
    expect(verifyExportAgainstAnchor({ ...anchor, recordCount: 2 }, parsed).signatureValid).toBe(false);
    expect(verifyExportAgainstAnchor({ ...anchor, signerId: '' }, parsed).signatureValid).toBe(false);
  });
});
