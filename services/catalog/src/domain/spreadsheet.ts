// Departments compile catalogs in spreadsheets: one row per entry, items in one cell ("名称:类型:长度:敏感级别; ...").
// XLSX through exceljs's streaming workbook writer/reader, CSV through csv-stringify/csv-parse (UTF-8 with BOM for Excel).
import { PassThrough, Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { SheetFormat } from '../entities/enums';

export const COLUMNS = [
  'code', 'name', 'description', 'category', 'serviceItem', 'sourceSystemId', 'format', 'updateCycle', 'shareType', 'shareCondition',
  'notSharedBasis', 'openType', 'notOpenReason', 'sensitivityGrade', 'provisionMode', 'usageModes', 'theme', 'items',
] as const;
export type Column = (typeof COLUMNS)[number];
export type SheetRow = Partial<Record<Column, string>>;

export const MIME: Record<SheetFormat, string> = {
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  CSV: 'text/csv; charset=utf-8',
};

async function writeXlsx(rows: string[][]): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => { stream.on('end', resolve); stream.on('error', reject); });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('catalog');
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

export async function writeSheet(format: SheetFormat, rows: SheetRow[]): Promise<Buffer> {
  const table = [[...COLUMNS], ...rows.map((r) => COLUMNS.map((c) => r[c] ?? ''))];
  if (format === SheetFormat.CSV) return Buffer.from('\ufeff' + stringify(table), 'utf8');
  return writeXlsx(table);
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    const o = v as { richText?: Array<{ text: string }>; text?: string; result?: unknown };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.text !== undefined) return String(o.text);
    if (o.result !== undefined) return String(o.result);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v);
}

/** Rows of the first sheet with their 1-based sheet row number; the header row maps columns by name. */
export async function readSheet(format: SheetFormat, content: Buffer, maxRows: number): Promise<{ rows: Array<{ row: number; values: SheetRow }>; unknownColumns: string[] }> {
  let table: string[][] = [];
  if (format === SheetFormat.CSV) {
    table = parse(content.toString('utf8'), { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } else {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(content), { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore' });
    for await (const ws of reader) {
      for await (const row of ws) {
        const vals = (row.values as unknown[]).slice(1).map(cellText);
        while (table.length < row.number - 1) table.push([]);
        table.push(vals);
        if (table.length > maxRows + 1) break;
      }
      break; // the first sheet only
    }
  }
  const header = (table[0] ?? []).map((h) => h.trim());
  const unknownColumns = header.filter((h) => h && !(COLUMNS as readonly string[]).includes(h));
  const rows = table.slice(1, maxRows + 2).map((cells, i) => {
    const values: SheetRow = {};
    header.forEach((h, j) => { if ((COLUMNS as readonly string[]).includes(h)) values[h as Column] = (cells[j] ?? '').trim(); });
    return { row: i + 2, values };
  }).filter((r) => Object.values(r.values).some((v) => v));
  return { rows, unknownColumns };
}
