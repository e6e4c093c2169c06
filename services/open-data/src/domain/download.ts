// What a bulk download may release (000 §20, 003 §22-23): a PUBLISHED, UNCONDITIONAL dataset backed by a published
// catalog entry that is not HIGH grade, in one of its declared formats; values de-identified for the OPEN use.
import { createHash } from 'node:crypto';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError, type CommonConfig, type GradePolicySource } from '@gov/kit';
import type { DataSource } from 'typeorm';
import { OpenDatasetOpenType, OpenDatasetStatus } from '../entities/enums';
import { OpenDataset } from '../entities/open-dataset';
import { openProjection } from './open-policy';
import { fetchSourceResource, streamSourceRecords, type SourceResource } from './source';
import { EXTENSIONS, FILE_FORMATS, type FileFormat, type Row } from './writers';

export interface PreparedDownload {
  dataset: OpenDataset;
  resource: SourceResource;
  format: FileFormat;
  columns: string[];
  fileName: string;
  /** The projection's columns and treatments: part of the ETag (a grade-policy change changes the file). */
  shape: string;
  rows(signal?: AbortSignal): AsyncGenerator<Row>;
}

export function parseFormat(raw: unknown): FileFormat {
  const f = String(raw ?? '').toUpperCase() as FileFormat;
  if (!FILE_FORMATS.includes(f)) throw BadUserInputError.field('format', `one of ${FILE_FORMATS.join(', ')}`);
  return f;
}

/** The formats a dataset is downloadable in: its declared ones, plus JSON lines wherever JSON is offered. */
export function downloadFormats(d: Pick<OpenDataset, 'formats'>): FileFormat[] {
  return FILE_FORMATS.filter((f) => (d.formats as string[]).includes(f === 'JSONL' ? 'JSON' : f));
}

/** Why a dataset cannot be bulk-downloaded, or null when it can (status and open type only; the entry is checked later). */
export function downloadRefusal(d: Pick<OpenDataset, 'status' | 'openType' | 'resourceId'>): Error | null {
  if (d.status === OpenDatasetStatus.SUSPENDED) return new ConflictError('the dataset is suspended after a complaint while the publisher verifies it (003 §17)');
  if (d.status !== OpenDatasetStatus.PUBLISHED) return new ConflictError('the dataset is not published');
  if (d.openType === OpenDatasetOpenType.CONDITIONAL) {
    return new ForbiddenError('conditionally open data is never a bulk download; apply for access and use the API (003 §22)');
  }
  if (!d.resourceId) return new ConflictError('no catalog entry backs this dataset, so it has no records to download');
  return null;
}

export async function prepareDownload(
  ds: DataSource, id: string, format: FileFormat, rules: GradePolicySource, config: CommonConfig,
): Promise<PreparedDownload> {
  const dataset = await ds.getRepository(OpenDataset).findOneBy({ id });
  // A suspended dataset says so to everyone (the page tells why it is down); a draft is never downloadable: not found.
  if (!dataset || dataset.status === OpenDatasetStatus.DRAFT) throw new NotFoundError('OpenDataset', id);
  const refusal = downloadRefusal(dataset);
  if (refusal) throw refusal;
  if (!downloadFormats(dataset).includes(format)) throw BadUserInputError.field('format', `this dataset is offered as ${downloadFormats(dataset).join(', ')}`);
  const resource = await fetchSourceResource(dataset.resourceId!, config);
  if (!resource || resource.status !== 'PUBLISHED' || resource.openType === 'NOT_OPEN') throw new ConflictError('the catalog entry behind this dataset is no longer open');
  if (resource.sensitivityGrade === 'HIGH' || resource.openType !== 'UNCONDITIONAL') {
    throw new ForbiddenError('a HIGH-grade or conditionally open catalog entry is never opened unconditionally (003 §22-23)');
  }
  const projection = openProjection(await rules(), resource);
  return {
    dataset, resource, format, columns: projection.columns,
    shape: JSON.stringify([...projection.treatments]),
    fileName: `${dataset.name}.${EXTENSIONS[format]}`,
    async *rows(signal) {
      for await (const r of streamSourceRecords(resource.id, projection.columns, config, signal)) yield projection.apply(r.fields);
    },
  };
}

export function downloadUrl(publicUrl: string, datasetId: string, format: string): string {
  return `${publicUrl}/open-data/datasets/${datasetId}/download?format=${format.toLowerCase()}`;
}

/** Bulk downloads of a dataset: UNCONDITIONAL published datasets backed by an entry only (003 §22). */
export function distributionsOf(d: OpenDataset, publicUrl: string): Array<{ format: FileFormat; downloadURL: string }> {
  if (d.status !== OpenDatasetStatus.PUBLISHED || d.openType !== OpenDatasetOpenType.UNCONDITIONAL || !d.resourceId) return [];
  return downloadFormats(d).map((format) => ({ format, downloadURL: downloadUrl(publicUrl, d.id, format) }));
}

/** A strong validator for one download: the source's data version, the dataset's metadata, the projection and the options. */
export function downloadEtag(d: Pick<PreparedDownload, 'dataset' | 'format' | 'shape'>, sourceVersion: string, bom: boolean): string {
  const h = createHash('sha256').update([sourceVersion, d.dataset.id, d.dataset.name, d.dataset.updatedAt?.toISOString() ?? '', d.format, bom ? 'bom' : '', d.shape].join('|'));
  return `"${h.digest('base64url').slice(0, 27)}"`;
}

/** Last-Modified: the later of the source's last load and the dataset's own last change. */
export function downloadLastModified(d: Pick<PreparedDownload, 'dataset'>, lastLoadedAt: string | null): Date {
  const times = [d.dataset.updatedAt, d.dataset.publishedAt, d.dataset.createdAt, lastLoadedAt ? new Date(lastLoadedAt) : null].filter((t): t is Date => !!t);
  return new Date(Math.max(...times.map((t) => t.getTime())));
}
