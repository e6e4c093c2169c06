#!/usr/bin/env node
// Offline check of an exported audit range against a day's anchor (上链, 000 §25), for a regulator or any third party:
//   node scripts/verify-audit-export.mjs <audit-anchor-YYYY-MM-DD.json> <audit export .csv>
// The anchor file comes from GET /public/audit-anchors/<day> on security (or the graph's publicAuditAnchor.fileJson);
// the CSV from exportAuditRecords (filter from/to covering the day). No network, no database: it checks the anchor's
// SM2 signature with the public key and signer id it carries, recomputes every record's SM3 link and the day's Merkle
// root, and names each altered, unlinked or missing record. Exit 0 = verified, 1 = not, 2 = usage.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const [anchorPath, csvPath] = process.argv.slice(2);
if (!anchorPath || !csvPath) {
  console.error('usage: node scripts/verify-audit-export.mjs <anchor.json> <export.csv>');
  process.exit(2);
}
// The same pure code security anchors and chains with (npm run build first).
const { parseAuditCsv, verifyExportAgainstAnchor } = require(join(ROOT, 'services/security/dist/domain/offline-verify.js'));
const anchor = JSON.parse(readFileSync(anchorPath, 'utf8'));
const records = parseAuditCsv(readFileSync(csvPath, 'utf8'));
const result = verifyExportAgainstAnchor(anchor, records);
console.log(JSON.stringify({ day: anchor.day, exported: records.length, ...result }, null, 2));
process.exit(result.ok ? 0 : 1);
