// CSV / XLSX exports of audit records for the authority and auditors (issue 5 §5). Column names are the GraphQL fields;
// every field the SM3 link covers is there, so an export can be checked offline against a day's anchor (000 §25).
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { AuditRecord } from '../entities/audit-record';

export const EXPORT_COLUMNS = [
  'seq', 'at', 'actor', 'actorSub', 'departmentId', 'regionCode', 'action', 'resourceId', 'grantId', 'scenario', 'items', 'outcome',
  'requestId', 'detail', 'source', 'prevHash', 'hash', 'id', 'occurredAt',
] as const;

function row(r: AuditRecord): Array<string | number> {
  return EXPORT_COLUMNS.map((c) => {
    const v = r[c as keyof AuditRecord] as unknown;
    if (v instanceof Date) return v.toISOString();
    if (Array.isArray(v)) return v.join(';');
    return v === null || v === undefined ? '' : (v as string | number);
  });
}

/** Cells a spreadsheet would run as a formula are prefixed with ' (CSV injection). */
function safe(v: string | number): string | number {
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export function auditCsv(records: AuditRecord[]): Buffer {
  // BOM: spreadsheet programs in China open UTF-8 CSV with Chinese text correctly only with it.
  return Buffer.concat([Buffer.from('\ufeff'), Buffer.from(stringify([[...EXPORT_COLUMNS], ...records.map((r) => row(r).map(safe))]), 'utf8')]);
}

export async function auditXlsx(records: AuditRecord[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'gov security';
  const ws = wb.addWorksheet('audit');
  ws.addRow([...EXPORT_COLUMNS]);
  for (const r of records) ws.addRow(row(r).map(safe));
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
