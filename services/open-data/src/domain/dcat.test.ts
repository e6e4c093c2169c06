import { Parser, Store, Writer } from 'n3';
import { OpenDataFormat, OpenDatasetOpenMode, OpenDatasetOpenType, OpenDatasetStatus, OpenDatasetUpdateFrequency } from '../entities/enums';
import type { OpenDataset } from '../entities/open-dataset';
import { NS, catalogQuads, projectOpenData, type CatalogPage } from './dcat';
import { distributionsOf } from './download';

const base: OpenDataset = {
  id: 'd1', resourceId: 'r1', publisherDepartmentId: '420600-scjg', regionCode: '420600', name: '企业登记基本信息', description: '企业名称与住所',
  openType: OpenDatasetOpenType.UNCONDITIONAL, formats: [OpenDataFormat.CSV, OpenDataFormat.JSON], dataType: '结构化数据', openMode: OpenDatasetOpenMode.DOWNLOAD,
  updateFrequency: OpenDatasetUpdateFrequency.DAILY, theme: '市场监管', status: OpenDatasetStatus.PUBLISHED, publishedAt: new Date('2026-11-02T00:00:00Z'),
  createdBy: 'x', createdAt: new Date('2026-11-01T00:00:00Z'), updatedAt: new Date('2026-11-02T00:00:00Z'),
};
const page = (datasets: OpenDataset[], totalItems = datasets.length, n = 1): CatalogPage => ({
  publicUrl: 'https://data.example.gov.cn', datasets, page: n, pageSize: 1, totalItems,
  distributions: (d) => distributionsOf(d, 'https://data.example.gov.cn'), publisherName: () => '襄阳市市场监督管理局',
  pageUrl: (k) => `https://data.example.gov.cn/open-data/catalog.ttl?page=${k}`,
});

function parsed(c: CatalogPage): Store {
  const writer = new Writer({ prefixes: NS });
  writer.addQuads(catalogQuads(c));
  let ttl = '';
  writer.end((_e, out) => { ttl = out; }); // synchronous for a string writer
  return new Store(new Parser().parse(ttl));
}

describe('DCAT catalogue for harvesters (issue 10 §10)', () => {
  test('datasets, Chinese literals tagged zh, publisher, frequency, distributions with downloadURL and media type', () => {
    const s = parsed(page([base, { ...base, id: 'd2', name: '食品经营许可', openType: OpenDatasetOpenType.CONDITIONAL, resourceId: null }], 2));
    expect(s.getSubjects(`${NS.rdf}type`, `${NS.dcat}Dataset`, null)).toHaveLength(2);
    const title = s.getObjects('https://data.example.gov.cn/open-data/datasets/d1', `${NS.dct}title`, null)[0];
    expect(title.value).toBe('企业登记基本信息');
    expect((title as unknown as { language: string }).language).toBe('zh');
    expect(s.getObjects('https://data.example.gov.cn/open-data/datasets/d1', `${NS.dct}accrualPeriodicity`, null)[0].value).toBe('http://publications.europa.eu/resource/authority/frequency/DAILY');
    const dists = s.getObjects('https://data.example.gov.cn/open-data/datasets/d1', `${NS.dcat}distribution`, null);
    expect(dists).toHaveLength(3); // CSV, JSON, JSON lines
    expect(s.getObjects(null, `${NS.dcat}downloadURL`, null).map((o) => o.value)).toContain('https://data.example.gov.cn/open-data/datasets/d1/download?format=csv');
    expect(s.getObjects(null, `${NS.dcat}mediaType`, null).map((o) => o.value)).toContain('https://www.iana.org/assignments/media-types/text/csv');
    // Conditional data: listed, restricted, never a download (003 §22).
    expect(s.getObjects('https://data.example.gov.cn/open-data/datasets/d2', `${NS.dcat}distribution`, null)).toHaveLength(0);
    expect(s.getObjects('https://data.example.gov.cn/open-data/datasets/d2', `${NS.dct}accessRights`, null)[0].value).toMatch(/RESTRICTED$/);
    expect(s.getObjects(null, `${NS.foaf}name`, null)[0].value).toBe('襄阳市市场监督管理局');
  });

  test('hydra paging: next page until the last', () => {
    const first = parsed(page([base], 3, 1));
    expect(first.getObjects(null, `${NS.hydra}nextPage`, null)[0].value).toBe('https://data.example.gov.cn/open-data/catalog.ttl?page=2');
    expect(parsed(page([base], 3, 3)).getObjects(null, `${NS.hydra}nextPage`, null)).toHaveLength(0);
  });

  test('Project Open Data data.json', () => {
    const pod = projectOpenData(page([base])) as { dataset: Array<{ accessLevel: string; distribution: unknown[]; accrualPeriodicity: string }> };
    expect(pod.dataset[0]).toMatchObject({ accessLevel: 'public', accrualPeriodicity: 'R/P1D' });
    expect(pod.dataset[0].distribution).toHaveLength(3);
  });
});
