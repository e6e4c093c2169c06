// The open catalog as DCAT (DCAT-AP 3 vocabulary) for CKAN-style harvesters (ckanext-dcat's RDF harvester follows
// hydra:nextPage), and as a Project Open Data data.json. Pure: datasets in, RDF quads / JSON out.
import { DataFactory, type Quad } from 'n3';
import { OpenDatasetOpenType, OpenDatasetUpdateFrequency as Freq } from '../entities/enums';
import type { OpenDataset } from '../entities/open-dataset';
import { MEDIA_TYPES, type FileFormat } from './writers';

const { namedNode: iri, literal, quad } = DataFactory;
export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#', dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/', skos: 'http://www.w3.org/2004/02/skos/core#', xsd: 'http://www.w3.org/2001/XMLSchema#',
  hydra: 'http://www.w3.org/ns/hydra/core#',
} as const;
const p = (ns: keyof typeof NS, local: string) => iri(NS[ns] + local);
const zh = (s: string) => literal(s, 'zh');
const dateTime = (d: Date) => literal(d.toISOString(), p('xsd', 'dateTime'));

/** EU frequency authority table (DCAT-AP's controlled vocabulary for dct:accrualPeriodicity). */
const FREQUENCY: Record<Freq, string> = {
  [Freq.REALTIME]: 'UPDATE_CONT', [Freq.DAILY]: 'DAILY', [Freq.WEEKLY]: 'WEEKLY', [Freq.MONTHLY]: 'MONTHLY',
  [Freq.QUARTERLY]: 'QUARTERLY', [Freq.YEARLY]: 'ANNUAL', [Freq.IRREGULAR]: 'IRREG',
};
const ISO_PERIOD: Record<Freq, string> = {
  [Freq.REALTIME]: 'R/PT1S', [Freq.DAILY]: 'R/P1D', [Freq.WEEKLY]: 'R/P1W', [Freq.MONTHLY]: 'R/P1M', [Freq.QUARTERLY]: 'R/P3M', [Freq.YEARLY]: 'R/P1Y', [Freq.IRREGULAR]: 'irregular',
};
/** EU file-type authority table; JSON lines has no entry there, so it is named by its media type only. */
const FILE_TYPE: Partial<Record<FileFormat, string>> = { CSV: 'CSV', JSON: 'JSON', XML: 'XML', XLSX: 'XLSX' };

export interface CatalogPage {
  publicUrl: string;
  datasets: OpenDataset[];
  /** Distributions of each dataset (empty for conditional ones: never a bulk download). */
  distributions(d: OpenDataset): Array<{ format: FileFormat; downloadURL: string }>;
  publisherName(departmentId: string): string;
  page: number; pageSize: number; totalItems: number;
  /** This page's URL without the page parameter, e.g. …/catalog.ttl?modified_since=… */
  pageUrl(page: number): string;
}

export function catalogQuads(c: CatalogPage): Quad[] {
  const q: Quad[] = [];
  const add = (s: Quad['subject'], pred: ReturnType<typeof iri>, o: Quad['object']) => q.push(quad(s, pred, o));
  const catalog = iri(`${c.publicUrl}/open-data/catalog`);
  add(catalog, p('rdf', 'type'), p('dcat', 'Catalog'));
  add(catalog, p('dct', 'title'), zh('公共数据开放目录'));
  add(catalog, p('dct', 'description'), zh('无条件开放与有条件开放的公共数据集（编入目录、再开放）'));
  const seenPublishers = new Set<string>();
  const seenThemes = new Set<string>();
  for (const d of c.datasets) {
    const ds = iri(`${c.publicUrl}/open-data/datasets/${d.id}`);
    add(catalog, p('dcat', 'dataset'), ds);
    add(ds, p('rdf', 'type'), p('dcat', 'Dataset'));
    add(ds, p('dct', 'identifier'), literal(d.id));
    add(ds, p('dct', 'title'), zh(d.name));
    if (d.description) add(ds, p('dct', 'description'), zh(d.description));
    if (d.publishedAt) add(ds, p('dct', 'issued'), dateTime(d.publishedAt));
    add(ds, p('dct', 'modified'), dateTime(d.updatedAt ?? d.publishedAt ?? d.createdAt));
    add(ds, p('dct', 'accrualPeriodicity'), iri(`http://publications.europa.eu/resource/authority/frequency/${FREQUENCY[d.updateFrequency]}`));
    add(ds, p('dct', 'accessRights'), iri(`http://publications.europa.eu/resource/authority/access-right/${d.openType === OpenDatasetOpenType.UNCONDITIONAL ? 'PUBLIC' : 'RESTRICTED'}`));
    add(ds, p('dcat', 'keyword'), zh(d.theme));
    const publisher = iri(`${c.publicUrl}/open-data/publishers/${d.publisherDepartmentId}`);
    add(ds, p('dct', 'publisher'), publisher);
    if (!seenPublishers.has(d.publisherDepartmentId)) {
      seenPublishers.add(d.publisherDepartmentId);
      add(publisher, p('rdf', 'type'), p('foaf', 'Organization'));
      add(publisher, p('foaf', 'name'), zh(c.publisherName(d.publisherDepartmentId)));
      add(publisher, p('dct', 'identifier'), literal(d.publisherDepartmentId));
    }
    const theme = iri(`${c.publicUrl}/open-data/themes/${encodeURIComponent(d.theme)}`);
    add(ds, p('dcat', 'theme'), theme);
    if (!seenThemes.has(d.theme)) {
      seenThemes.add(d.theme);
      add(theme, p('rdf', 'type'), p('skos', 'Concept'));
      add(theme, p('skos', 'prefLabel'), zh(d.theme));
    }
    for (const dist of c.distributions(d)) {
      const node = iri(`${c.publicUrl}/open-data/datasets/${d.id}/distributions/${dist.format.toLowerCase()}`);
      add(ds, p('dcat', 'distribution'), node);
      add(node, p('rdf', 'type'), p('dcat', 'Distribution'));
      add(node, p('dct', 'title'), zh(`${d.name}（${dist.format}）`));
      add(node, p('dcat', 'downloadURL'), iri(dist.downloadURL));
      add(node, p('dcat', 'accessURL'), iri(dist.downloadURL));
      add(node, p('dcat', 'mediaType'), iri(`https://www.iana.org/assignments/media-types/${MEDIA_TYPES[dist.format].split(';')[0]}`));
      const ft = FILE_TYPE[dist.format];
      if (ft) add(node, p('dct', 'format'), iri(`http://publications.europa.eu/resource/authority/file-type/${ft}`));
    }
  }
  // Paging as ckanext-dcat reads it (hydra:PagedCollection with next/last pages).
  const pageNode = iri(c.pageUrl(c.page));
  const last = Math.max(1, Math.ceil(c.totalItems / c.pageSize));
  add(pageNode, p('rdf', 'type'), p('hydra', 'PagedCollection'));
  add(pageNode, p('hydra', 'totalItems'), literal(String(c.totalItems), p('xsd', 'integer')));
  add(pageNode, p('hydra', 'itemsPerPage'), literal(String(c.pageSize), p('xsd', 'integer')));
  add(pageNode, p('hydra', 'firstPage'), literal(c.pageUrl(1)));
  add(pageNode, p('hydra', 'lastPage'), literal(c.pageUrl(last)));
  if (c.page < last) add(pageNode, p('hydra', 'nextPage'), literal(c.pageUrl(c.page + 1)));
  if (c.page > 1) add(pageNode, p('hydra', 'previousPage'), literal(c.pageUrl(c.page - 1)));
  return q;
}

/** Project Open Data v1.1 data.json of the same page. */
export function projectOpenData(c: CatalogPage): Record<string, unknown> {
  return {
    '@type': 'dcat:Catalog', conformsTo: 'https://project-open-data.cio.gov/v1.1/schema', describedBy: 'https://project-open-data.cio.gov/v1.1/schema/catalog.json',
    dataset: c.datasets.map((d) => ({
      '@type': 'dcat:Dataset', identifier: `${c.publicUrl}/open-data/datasets/${d.id}`, title: d.name, description: d.description ?? d.name,
      keyword: [d.theme], theme: [d.theme], modified: (d.updatedAt ?? d.publishedAt ?? d.createdAt).toISOString(), issued: d.publishedAt?.toISOString(),
      publisher: { '@type': 'org:Organization', name: c.publisherName(d.publisherDepartmentId) },
      accessLevel: d.openType === OpenDatasetOpenType.UNCONDITIONAL ? 'public' : 'restricted public', accrualPeriodicity: ISO_PERIOD[d.updateFrequency],
      language: ['zh'],
      distribution: c.distributions(d).map((x) => ({ '@type': 'dcat:Distribution', downloadURL: x.downloadURL, mediaType: MEDIA_TYPES[x.format].split(';')[0], format: x.format })),
    })),
  };
}
