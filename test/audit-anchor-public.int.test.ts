// 000 §25 (上链) anchors a third party can hold: each day's anchor is public (the graph without a token, and a file on
// security), and scripts/verify-audit-export.mjs checks an exported audit range against it offline.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { auditDrained, gql, ok } from './support';
import { ROOT } from './stack';

const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const PUBLIC = `query($day: String!) { publicAuditAnchor(day: $day) { day complete recordCount merkleRoot firstSeq lastSeq signature signerId publicKeyPem fileName fileJson } }`;
const EXPORT = 'query($f: AuditRecordFilter, $fmt: AuditExportFormat!) { exportAuditRecords(filter: $f, format: $fmt) { rowCount contentBase64 } }';

function verifier(anchorJson: string, csv: string): { code: number; out: { ok: boolean; problems: string[]; dayRecords: number } } {
  const dir = mkdtempSync(join(tmpdir(), 'anchor-'));
  writeFileSync(join(dir, 'anchor.json'), anchorJson);
  writeFileSync(join(dir, 'export.csv'), csv);
  try {
    return { code: 0, out: JSON.parse(execFileSync('node', [join(ROOT, 'scripts/verify-audit-export.mjs'), join(dir, 'anchor.json'), join(dir, 'export.csv')]).toString()) };
  } catch (e) {
    const err = e as { status: number; stdout: Buffer };
    return { code: err.status, out: JSON.parse(err.stdout.toString()) };
  }
}

describe('000 §25 anchors a third party can hold', () => {
  test('000 §25: the day\'s anchor is public with its signer id and file; the offline verifier accepts the export and names an altered record', async () => {
    // something of today on the chain first: audited reads
    await ok('city-authority', 'query($f: AuditRecordFilter, $first: Int!) { auditRecords(filter: $f, first: $first) { totalCount } }', { f: {}, first: 1 });
    await ok('city-gaj-admin', 'query($first: Int!) { changeRequests(first: $first) { totalCount } }', { first: 1 });
    await auditDrained();
    const day = chinaToday();
    await ok('city-operator', 'mutation($day: String!) { anchorAuditDay(day: $day) { id } }', { day });
    const pub = (await gql(null, PUBLIC, { day })).data!.publicAuditAnchor;
    expect(pub).toMatchObject({ day, complete: false, signerId: '1234567812345678', fileName: `audit-anchor-${day}.json` });
    expect(pub.recordCount).toBeGreaterThan(0);
    expect(JSON.parse(pub.fileJson)).toMatchObject({ day, merkleRoot: pub.merkleRoot, recordCount: pub.recordCount, signature: pub.signature, publicKeyPem: pub.publicKeyPem });

    // the same file on security's public endpoint, to download and archive
    const url = process.env.SUBGRAPH_URL_SECURITY!.replace(/\/graphql$/, `/public/audit-anchors/${day}`);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`audit-anchor-${day}.json`);
    const file = await res.text();
    expect(JSON.parse(file).merkleRoot).toBe(JSON.parse(pub.fileJson).merkleRoot);
    expect((await fetch(url.replace(day, '2999-01-01'))).status).toBe(400);

    // an export of the day, checked offline against the file
    const from = new Date(`${day}T00:00:00.000+08:00`).toISOString();
    const exp = (await ok('city-authority', EXPORT, { f: { from }, fmt: 'CSV' })).exportAuditRecords;
    const csv = Buffer.from(exp.contentBase64, 'base64').toString('utf8');
    const good = verifier(file, csv);
    expect(good).toMatchObject({ code: 0, out: { ok: true, problems: [], dayRecords: pub.recordCount } });

    // one covered record altered in the export: the verifier fails and names it
    const rows = parse(csv.replace(/^\ufeff/, ''), { columns: true }) as Array<Record<string, string>>;
    const target = rows.find((r) => Number(r.seq) === pub.firstSeq);
    expect(target).toBeDefined();
    target!.actor = 'someone-else';
    const altered = stringify(rows, { header: true, columns: Object.keys(rows[0]) });
    const bad = verifier(file, altered);
    expect(bad.code).toBe(1);
    expect(bad.out.ok).toBe(false);
    expect(bad.out.problems).toEqual(expect.arrayContaining([`seq ${pub.firstSeq}: the record does not match its hash (altered)`]));
  });
});
