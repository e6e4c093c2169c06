import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { writeRows, type FileFormat, type Row } from './writers';

const columns = ['企业名称', '法定代表人'];
const data: Row[] = [{ 企业名称: '襄阳汉江商贸有限公司', 法定代表人: '王*' }, { 企业名称: 'A "quoted", <tagged> & co', 法定代表人: null }];
async function* rows() { for (const r of data) yield r; }

async function write(format: FileFormat, bom = false): Promise<{ n: number; body: Buffer }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
  const n = await writeRows(format, columns, rows(), out, { bom, sheetName: '企业登记' });
  return { n, body: Buffer.concat(chunks) };
}

describe('open data file writers (000 §20)', () => {
  test('CSV: header, quoting, optional BOM', async () => {
    const { n, body } = await write('CSV', true);
    expect(n).toBe(2);
    expect(body.subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(parse(body.toString('utf8').slice(1), { columns: true })).toEqual([data[0], { ...data[1], 法定代表人: '' }]);
  });

  test('JSON and JSON lines parse back to the rows', async () => {
    expect(JSON.parse((await write('JSON')).body.toString('utf8'))).toEqual(data);
    expect((await write('JSONL')).body.toString('utf8').trim().split('\n').map((l) => JSON.parse(l))).toEqual(data);
  });

  test('XML escapes text and keeps Chinese', async () => {
    const xml = (await write('XML')).body.toString('utf8');
    expect(xml).toContain('<field name="企业名称">襄阳汉江商贸有限公司</field>');
    expect(xml.match(/<record>/g)).toHaveLength(2);
    // Parsed back by an XML parser: the escaped text comes back as it was, the null field is empty.
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(xml) as { dataset: { record: Array<{ field: Array<{ '@_name': string; '#text'?: string }> }> } };
    expect(doc.dataset.record[1].field[0]).toEqual({ '@_name': '企业名称', '#text': 'A "quoted", <tagged> & co' });
    expect(doc.dataset.record[1].field[1]).toEqual({ '@_name': '法定代表人' });
  });

  test('XLSX opens with its header and rows', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await write('XLSX')).body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('企业登记');
    expect(ws.getRow(1).values).toEqual([undefined, '企业名称', '法定代表人']);
    expect(ws.getRow(2).getCell(1).value).toBe('襄阳汉江商贸有限公司');
    expect(ws.rowCount).toBe(3);
  });
});
