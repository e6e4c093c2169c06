// Spreadsheet import/export through the graph (issue 3 §8): XLSX (exceljs streaming) and CSV, row-level errors,
// all-or-nothing unless "valid rows only", round trip export → import → same entries.
import ExcelJS from 'exceljs';
import { codes, gql, uniqueCode } from './support';
import { createEntry, GET } from './catalog-helpers';

const EXPORT = 'mutation X($d: String!, $f: SheetFormat!) { exportCatalog(departmentId: $d, format: $f) { filename mimeType contentBase64 } }';
const IMPORT = 'mutation I($file: SheetUpload!, $mode: ImportMode!) { importCatalog(file: $file, mode: $mode) { applied created updated errors { row column reason } } }';
const TEMPLATE = 'query T($f: SheetFormat!) { catalogTemplate(format: $f) { filename mimeType contentBase64 } }';
const LIST = `query L($filter: DataResourceFilter) { dataResources(filter: $filter, first: 200) { totalCount edges { node {
  id code name description category shareType shareCondition openType notOpenReason sensitivityGrade updateCycle format provisionMode usageModes theme status
  items { name type length sensitivity } } } } }`;

const HEADER = 'code,name,description,category,serviceItem,sourceSystemId,format,updateCycle,shareType,shareCondition,notSharedBasis,openType,notOpenReason,sensitivityGrade,provisionMode,usageModes,theme,items';
const csv = (lines: string[]) => ({ filename: 'catalog.csv', contentBase64: Buffer.from([HEADER, ...lines].join('\n'), 'utf8').toString('base64') });
const strip = (n: Record<string, unknown>) => { const { id: _id, code: _code, status: _s, ...rest } = n; return rest; };

async function entriesOf(who: 'county-scjg-admin', codesWanted: string[]) {
  const res = await gql(who, LIST, { filter: { departmentId: '420683-scjg' } });
  return res.data!.dataResources.edges.map((e: { node: Record<string, unknown> }) => e.node)
    .filter((n: { code: string }) => codesWanted.includes(n.code)).sort((a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code));
}

describe('002 §2(5): departments compile, submit and update catalogs in spreadsheets (import/export)', () => {
  test('round trip: export XLSX → import the same file → the same entries (drafts are updated in place, nothing duplicated)', async () => {
    const a = await createEntry('county-scjg-admin', { name: '个体工商户登记信息', shareType: 'CONDITIONAL', shareCondition: '仅限市场监管', usageModes: ['VERIFY', 'QUERY'] }, 'XL');
    const b = await createEntry('county-scjg-admin', { name: '企业年报信息', category: 'THEME', theme: '营商环境', updateCycle: 'YEARLY' }, 'XL');
    const codesWanted = await Promise.all([a, b].map(async (id) => (await gql('county-scjg-admin', GET, { id })).data!.dataResource.code as string));
    const before = await entriesOf('county-scjg-admin', codesWanted);
    const exported = await gql('county-scjg-admin', EXPORT, { d: '420683-scjg', f: 'XLSX' });
    expect(exported.errors).toBeUndefined();
    expect(exported.data!.exportCatalog).toMatchObject({ filename: 'catalog-420683-scjg.xlsx', mimeType: expect.stringContaining('spreadsheetml') });
    // a real XLSX any spreadsheet program opens
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported.data!.exportCatalog.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheetCodes = wb.worksheets[0].getColumn(1).values.slice(2);
    expect(sheetCodes).toEqual(expect.arrayContaining(codesWanted));

    const imported = await gql('county-scjg-admin', IMPORT, { file: { filename: 'catalog.xlsx', contentBase64: exported.data!.exportCatalog.contentBase64 }, mode: 'VALID_ROWS_ONLY' });
    expect(imported.errors).toBeUndefined();
    const r = imported.data!.importCatalog;
    expect(r.created).toBe(0);
    expect(r.updated).toBeGreaterThanOrEqual(2);
    expect(r.errors.filter((e: { reason: string }) => !/PUBLISHED|change request/.test(e.reason))).toEqual([]);
    expect(await entriesOf('county-scjg-admin', codesWanted)).toEqual(before);
  });

  test('round trip through CSV into new codes: the created entries carry every field and item of the originals', async () => {
    const id = await createEntry('county-scjg-admin', { name: '食品经营许可信息', description: '含"引号",逗号', sensitivityGrade: 'HIGH',
      items: [{ name: '许可证编号', type: 'STRING', length: 40, sensitivity: 'LOW' }, { name: '经营者', type: 'STRING', length: 100, sensitivity: 'HIGH' }] }, 'CSV');
    const code = (await gql('county-scjg-admin', GET, { id })).data!.dataResource.code as string;
    const exported = await gql('county-scjg-admin', EXPORT, { d: '420683-scjg', f: 'CSV' });
    const text = Buffer.from(exported.data!.exportCatalog.contentBase64, 'base64').toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const line = text.split(/\r?\n/).find((l) => l.startsWith(code))!;
    const copy = `${code}-COPY`;
    const imported = await gql('county-scjg-admin', IMPORT, { file: csv([line.replace(code, copy)]), mode: 'ALL_OR_NOTHING' });
    expect(imported.data!.importCatalog).toEqual({ applied: true, created: 1, updated: 0, errors: [] });
    const [orig, dup] = await entriesOf('county-scjg-admin', [code, copy]);
    expect(strip(dup)).toEqual(strip(orig));
  });

  test('row-level errors name row and column; ALL_OR_NOTHING changes nothing, VALID_ROWS_ONLY writes the good rows', async () => {
    const good = uniqueCode('IMP');
    const lines = [
      `${good},药品经营许可信息,,DEPARTMENT,,,TABLE,MONTHLY,UNCONDITIONAL,,,NOT_OPEN,涉及商业秘密,LOW,DISTRIBUTION_API,QUERY,,许可证号:STRING:40:NONE`,
      `${uniqueCode('IMP')},不予共享无依据,,DEPARTMENT,,,TABLE,DAILY,NOT_SHARED,,,UNCONDITIONAL,,LOW,,,,名称:STRING:10:NONE`,
      `${uniqueCode('IMP')},等级错误,,DEPARTMENT,,,TABLE,DAILY,UNCONDITIONAL,,,UNCONDITIONAL,,LOW,,,,身份证号:STRING:18:HIGH`,
      `${uniqueCode('IMP')},枚举错误,,NOPE,,,TABLE,DAILY,UNCONDITIONAL,,,UNCONDITIONAL,,LOW,,,,名称:TEXT:10:NONE`,
      `${good},重复编码,,DEPARTMENT,,,TABLE,DAILY,UNCONDITIONAL,,,UNCONDITIONAL,,LOW,,,,名称:STRING:10:NONE`,
    ];
    const strict = await gql('county-scjg-admin', IMPORT, { file: csv(lines), mode: 'ALL_OR_NOTHING' });
    expect(strict.errors).toBeUndefined();
    const res = strict.data!.importCatalog;
    expect(res).toMatchObject({ applied: false, created: 0, updated: 0 });
    expect(res.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ row: 3, column: 'notSharedBasis' }),
      expect.objectContaining({ row: 4, column: 'items', reason: expect.stringContaining('000 §8') }),
      expect.objectContaining({ row: 5, column: 'category' }),
      expect.objectContaining({ row: 5, column: 'items' }),
      expect.objectContaining({ row: 6, column: 'code', reason: 'duplicate of row 2' }),
    ]));
    expect(res.errors.some((e: { row: number }) => e.row === 2)).toBe(false);
    expect((await gql('county-scjg-admin', LIST, { filter: { departmentId: '420683-scjg', keyword: '药品经营许可' } })).data!.dataResources.edges
      .filter((e: { node: { code: string } }) => e.node.code === good)).toEqual([]);

    const lenient = await gql('county-scjg-admin', IMPORT, { file: csv(lines), mode: 'VALID_ROWS_ONLY' });
    expect(lenient.data!.importCatalog).toMatchObject({ applied: true, created: 1, updated: 0 });
    expect(lenient.data!.importCatalog.errors).toHaveLength(res.errors.length);
    const written = (await gql('county-scjg-admin', LIST, { filter: { departmentId: '420683-scjg', keyword: '药品经营许可' } })).data!.dataResources.edges
      .map((e: { node: Record<string, unknown> }) => e.node).find((n: { code: string }) => n.code === good);
    expect(written).toMatchObject({ status: 'DRAFT', name: '药品经营许可信息', items: [{ name: '许可证号', type: 'STRING', length: 40, sensitivity: 'NONE' }] });
  });

  test('a file that is not a spreadsheet, an unknown extension, a published code, another department: each reported', async () => {
    const notXlsx = await gql('county-scjg-admin', IMPORT, { file: { filename: 'x.xlsx', contentBase64: Buffer.from('hello').toString('base64') }, mode: 'ALL_OR_NOTHING' });
    expect(notXlsx.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file.contentBase64' });
    const pdf = await gql('county-scjg-admin', IMPORT, { file: { filename: 'x.pdf', contentBase64: 'aGVsbG8=' }, mode: 'ALL_OR_NOTHING' });
    expect(pdf.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file.filename' });
    const seeded = await gql('county-scjg-admin', IMPORT, {
      file: csv(['420683-LP-BASE,法人,,BASE,,,TABLE,DAILY,UNCONDITIONAL,,,UNCONDITIONAL,,LOW,,,,名称:STRING:10:NONE',
        '420683-POP-BASE,人口,,BASE,,,TABLE,DAILY,UNCONDITIONAL,,,UNCONDITIONAL,,LOW,,,,名称:STRING:10:NONE']), mode: 'ALL_OR_NOTHING',
    });
    expect(seeded.data!.importCatalog.errors).toEqual([
      { row: 2, column: 'code', reason: expect.stringContaining('000 §9') },
      { row: 3, column: 'code', reason: 'the code belongs to another department' },
    ]);
  });

  test('only department administrators import; the template is a valid import file', async () => {
    const t = await gql('county-scjg-admin', TEMPLATE, { f: 'CSV' });
    expect(t.data!.catalogTemplate.filename).toBe('catalog-template.csv');
    const text = Buffer.from(t.data!.catalogTemplate.contentBase64, 'base64').toString('utf8').replace('EXAMPLE-001', uniqueCode('TPL'));
    const res = await gql('county-scjg-admin', IMPORT, { file: { filename: 't.csv', contentBase64: Buffer.from(text).toString('base64') }, mode: 'ALL_OR_NOTHING' });
    expect(res.data!.importCatalog).toMatchObject({ applied: true, created: 1, errors: [] });
    const x = await gql('county-scjg-admin', TEMPLATE, { f: 'XLSX' });
    expect(x.data!.catalogTemplate.mimeType).toContain('spreadsheetml');
    for (const who of ['county-wjw-user', 'county-assessor', 'county-authority'] as const) {
      expect(codes(await gql(who, IMPORT, { file: { filename: 't.csv', contentBase64: Buffer.from(text).toString('base64') }, mode: 'ALL_OR_NOTHING' }))).toEqual(['FORBIDDEN']);
    }
    expect(codes(await gql(null, TEMPLATE, { f: 'CSV' }))).toEqual(['UNAUTHENTICATED']);
  });
});
