import { SheetFormat } from '../entities/enums';
import { rowToInput } from '../resolvers/spreadsheet.resolver';
import { readSheet, writeSheet, type SheetRow } from './spreadsheet';

const row: SheetRow = {
  code: 'POP-1', name: '人口基础信息', description: '含"引号",逗号与\n换行', category: 'BASE', format: 'TABLE', updateCycle: 'DAILY', shareType: 'CONDITIONAL',
  shareCondition: '仅限核验', openType: 'NOT_OPEN', notOpenReason: '个人信息', sensitivityGrade: 'HIGH', provisionMode: 'DISTRIBUTION_API', usageModes: 'VERIFY,QUERY',
  items: '姓名:STRING:50:HIGH; 户号:STRING:20:NONE',
};

describe('spreadsheets: one entry per row, items in one cell', () => {
  test.each([SheetFormat.XLSX, SheetFormat.CSV])('%s written by the streaming writer reads back cell for cell', async (format) => {
    const buf = await writeSheet(format, [row, { code: 'X-2', name: '第二行' }]);
    const back = await readSheet(format, buf, 100);
    expect(back.unknownColumns).toEqual([]);
    expect(back.rows[0]).toEqual({ row: 2, values: expect.objectContaining(row) });
    expect(back.rows[1]).toMatchObject({ row: 3, values: { code: 'X-2', name: '第二行', category: '' } });
  });

  test('a row becomes an input with item grades; bad cells are reported by column, never thrown', async () => {
    const ok = await rowToInput(2, row);
    expect(ok.errors).toEqual([]);
    expect(ok.input).toMatchObject({ code: 'POP-1', sensitivityGrade: 'HIGH', usageModes: ['VERIFY', 'QUERY'], items: [{ name: '姓名', sensitivity: 'HIGH' }, { name: '户号', sensitivity: 'NONE' }] });
    const bad = await rowToInput(7, { ...row, category: 'X', shareCondition: '', sensitivityGrade: 'LOW', usageModes: 'READ', items: '姓名:TEXT:a:HIGH' });
    expect(bad.input).toBeNull();
    expect(bad.errors.map((e) => [e.row, e.column])).toEqual(expect.arrayContaining([[7, 'category'], [7, 'usageModes'], [7, 'items']]));
  });
});
