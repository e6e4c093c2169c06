// Streaming readers: CSV (csv-parse), JSON lines (readline), XLSX (exceljs streaming reader). Each yields one data
// row at a time with its number, so a 100k-row upload never sits in memory whole.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

export type UploadFormat = 'csv' | 'jsonl' | 'xlsx';
export type ParsedRow = { kind: 'header'; columns: string[] } | { kind: 'row'; row: number; values: Record<string, unknown> } | { kind: 'bad'; row: number; reason: string };

export function formatOf(contentType: string | undefined, explicit: string | undefined): UploadFormat | null {
  const f = (explicit ?? '').toLowerCase();
  if (f === 'csv' || f === 'jsonl' || f === 'xlsx') return f;
  const ct = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (ct === 'text/csv') return 'csv';
  if (ct === 'application/x-ndjson' || ct === 'application/jsonl') return 'jsonl';
  if (ct === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') return 'xlsx';
  return null;
}

async function* csvRows(input: Readable): AsyncGenerator<ParsedRow> {
  const parser = input.pipe(parse({ bom: true, relax_column_count: false, skip_empty_lines: true, trim: true }));
  let columns: string[] | null = null;
  let row = 0;
  for await (const rec of parser as AsyncIterable<string[]>) {
    if (!columns) { columns = rec; yield { kind: 'header', columns }; continue; }
    row++;
    yield { kind: 'row', row, values: Object.fromEntries(columns.map((c, i) => [c, rec[i]])) };
  }
}

async function* jsonlRows(input: Readable): AsyncGenerator<ParsedRow> {
  let row = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    row++;
    let v: unknown;
    try { v = JSON.parse(line); } catch { yield { kind: 'bad', row, reason: 'not valid JSON' }; continue; }
    if (!v || typeof v !== 'object' || Array.isArray(v)) { yield { kind: 'bad', row, reason: 'each line must be a JSON object' }; continue; }
    yield { kind: 'row', row, values: v as Record<string, unknown> };
  }
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return String(v.result ?? '');
    return '';
  }
  return String(v);
}

async function* xlsxRows(input: Readable): AsyncGenerator<ParsedRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit' });
  let columns: string[] | null = null;
  let row = 0;
  for await (const sheet of reader) {
    for await (const r of sheet as AsyncIterable<ExcelJS.Row>) {
      const cells = (r.values as ExcelJS.CellValue[]).slice(1).map(cellText);
      if (!columns) { columns = cells.map((c) => c.trim()); yield { kind: 'header', columns }; continue; }
      if (cells.every((c) => c.trim() === '')) continue;
      row++;
      yield { kind: 'row', row, values: Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ''])) };
    }
    break; // the first sheet holds the data
  }
}

export function rowsOf(input: Readable, format: UploadFormat): AsyncGenerator<ParsedRow> {
  return format === 'csv' ? csvRows(input) : format === 'jsonl' ? jsonlRows(input) : xlsxRows(input);
}
