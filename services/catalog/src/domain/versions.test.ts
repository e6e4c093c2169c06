import { diffSnapshots, type Snapshot } from './versions';

const base: Snapshot = {
  fields: { code: 'A', name: '出生医学证明', shareType: 'UNCONDITIONAL', usageModes: ['QUERY'], theme: null },
  items: [{ name: '姓名', type: 'STRING', length: 50, sensitivity: 'MEDIUM' }, { name: '日期', type: 'DATE', length: null, sensitivity: 'NONE' }],
};

test('000 §9: the diff of two versions names each changed field and item, and nothing else', () => {
  const next: Snapshot = {
    fields: { ...base.fields, name: '出生医学证明（新）', usageModes: ['VERIFY', 'QUERY'] },
    items: [{ name: '姓名', type: 'STRING', length: 80, sensitivity: 'HIGH' }, { name: '机构', type: 'STRING', length: 100, sensitivity: 'NONE' }],
  };
  expect(diffSnapshots(base, next)).toEqual([
    { field: 'name', before: '出生医学证明', after: '出生医学证明（新）' },
    { field: 'usageModes', before: 'QUERY', after: 'VERIFY,QUERY' },
    { field: 'items[姓名].length', before: '50', after: '80' },
    { field: 'items[姓名].sensitivity', before: 'MEDIUM', after: 'HIGH' },
    { field: 'items[日期]', before: 'DATE//NONE', after: null },
    { field: 'items[机构]', before: null, after: 'STRING/100/NONE' },
  ]);
  expect(diffSnapshots(base, base)).toEqual([]);
});
