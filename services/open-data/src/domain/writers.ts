// The four machine-readable formats of 000 §20 (plus JSON lines), written row by row with backpressure by well-kept
// writers (csv-stringify, exceljs's streaming workbook writer, fast-xml-parser's builder per record): never buffered whole.
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { XMLBuilder } from 'fast-xml-parser';

export type FileFormat = 'CSV' | 'JSON' | 'JSONL' | 'XML' | 'XLSX';
export const FILE_FORMATS: readonly FileFormat[] = ['CSV', 'JSON', 'JSONL', 'XML', 'XLSX'];

export const MEDIA_TYPES: Record<FileFormat, string> = {
  CSV: 'text/csv; charset=utf-8', JSON: 'application/json; charset=utf-8', JSONL: 'application/x-ndjson; charset=utf-8',
  XML: 'application/xml; charset=utf-8', XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
export const EXTENSIONS: Record<FileFormat, string> = { CSV: 'csv', JSON: 'json', JSONL: 'jsonl', XML: 'xml', XLSX: 'xlsx' };

export type Row = Record<string, string | null>;

async function put(out: Writable, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Writes every row to `out` in `format`, ends `out`, and returns the number of rows written. */
export async function writeRows(format: FileFormat, columns: string[], rows: AsyncIterable<Row>, out: Writable, opts: { bom?: boolean; sheetName?: string } = {}): Promise<number> {
  let n = 0;
  switch (format) {
    case 'CSV': {
      // A BOM lets Excel open UTF-8 Chinese text correctly; off by default for programs.
      const csv = stringify({ header: true, columns, bom: !!opts.bom });
      csv.pipe(out);
      for await (const r of rows) { n++; if (!csv.write(columns.map((c) => r[c] ?? ''))) await once(csv, 'drain'); }
      csv.end();
      break;
    }
    case 'JSON': {
      await put(out, '[');
      for await (const r of rows) await put(out, `${n++ ? ',' : ''}\n${JSON.stringify(r)}`);
      out.end(n ? '\n]\n' : ']\n');
      break;
    }
    case 'JSONL': {
      for await (const r of rows) { n++; await put(out, `${JSON.stringify(r)}\n`); }
      out.end();
      break;
    }
    case 'XML': {
      // One record at a time through the builder (it escapes text and attributes); xmlbuilder2's streaming writer ran
      // at ~1k rows/s here, this at ~30k.
      const xml = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true });
      await put(out, '<?xml version="1.0" encoding="UTF-8"?>\n<dataset>');
      for await (const r of rows) {
        n++;
        await put(out, xml.build({ record: { field: columns.map((c) => (r[c] === null || r[c] === undefined ? { '@_name': c } : { '@_name': c, '#text': r[c] })) } }));
      }
      out.end('</dataset>\n');
      break;
    }
    case 'XLSX': {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
      const ws = wb.addWorksheet((opts.sheetName ?? 'data').replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'data');
      ws.addRow(columns).commit();
      for await (const r of rows) { n++; ws.addRow(columns.map((c) => r[c] ?? null)).commit(); }
      ws.commit();
      await wb.commit();
      break;
    }
  }
  await finished(out);
  return n;
}
