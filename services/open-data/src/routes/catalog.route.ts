// GET /open-data/catalog.ttl | catalog.jsonld | data.json [?page=N&modified_since=ISO-8601] — the open catalog for
// harvesters (DCAT-AP 3 as Turtle or JSON-LD, Project Open Data v1.1), anonymous, paged. Metadata only: no audit record.
import type { Request, Response } from 'express';
import etag from 'etag';
import jsonld from 'jsonld';
import { Writer } from 'n3';
import { callSubgraphAsService, type Logger } from '@gov/kit';
import type { DataSource } from 'typeorm';
import type { OpenDataConfig } from '../config';
import { NS, catalogQuads, projectOpenData, type CatalogPage } from '../domain/dcat';
import { distributionsOf } from '../domain/download';
import { OpenDatasetStatus } from '../entities/enums';
import { OpenDataset } from '../entities/open-dataset';
import { isNotModified } from './conditional';

const PAGE_SIZE = 100;
const DEPARTMENTS = 'query OpenCatalogPublishers { departments { id name } }';

async function publisherNames(config: OpenDataConfig, logger: Logger): Promise<Map<string, string>> {
  try {
    const res = await callSubgraphAsService<{ departments: Array<{ id: string; name: string }> }>('catalog', DEPARTMENTS, {}, config);
    return new Map(res.departments.map((d) => [d.id, d.name]));
  } catch (err) {
    logger.warn({ err }, 'department names unavailable: publishers named by id');
    return new Map();
  }
}

/** A harvesting document with its body ETag, or 304 when the harvester already has it. */
function send(req: Request, res: Response, type: string, body: string): void {
  res.type(type).setHeader('ETag', etag(body, { weak: true }));
  if (isNotModified(req, res)) { res.status(304).end(); return; }
  res.send(body);
}

export function catalogHandler(deps: { ds: DataSource; config: OpenDataConfig; logger: Logger }, kind: 'ttl' | 'jsonld' | 'pod') {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      const page = Math.max(1, Number.parseInt(String(req.query.page ?? '1'), 10) || 1);
      const since = typeof req.query.modified_since === 'string' ? new Date(req.query.modified_since) : null;
      if (since && Number.isNaN(since.getTime())) {
        res.status(400).json({ errors: [{ message: 'modified_since: an ISO-8601 date or date-time', extensions: { code: 'BAD_USER_INPUT', field: 'modified_since' } }] });
        return;
      }
      const qb = deps.ds.getRepository(OpenDataset).createQueryBuilder('d').where('d.status = :published', { published: OpenDatasetStatus.PUBLISHED });
      if (since) qb.andWhere('d.updatedAt >= :since', { since }); // any change, metadata or status, is news to a harvester
      const [datasets, totalItems] = await qb.orderBy('d.createdAt', 'ASC').addOrderBy('d.id', 'ASC').skip((page - 1) * PAGE_SIZE).take(PAGE_SIZE).getManyAndCount();
      const names = await publisherNames(deps.config, deps.logger);
      // The ETag is the body's; Last-Modified is the newest change of ANY dataset
      // (a withdrawal leaves the page too), so If-Modified-Since is right for harvesters that send only that.
      const [{ at }] = await deps.ds.query('SELECT MAX(updated_at) AS at FROM open_dataset') as Array<{ at: Date | string | null }>;
      if (at) res.setHeader('Last-Modified', new Date(at).toUTCString());
      res.setHeader('Cache-Control', 'public, no-cache');
      const file = kind === 'ttl' ? 'catalog.ttl' : kind === 'jsonld' ? 'catalog.jsonld' : 'data.json';
      const c: CatalogPage = {
        publicUrl: deps.config.publicUrl, datasets, page, pageSize: PAGE_SIZE, totalItems,
        distributions: (d) => distributionsOf(d, deps.config.publicUrl), publisherName: (id) => names.get(id) ?? id,
        pageUrl: (n) => `${deps.config.publicUrl}/open-data/${file}?${new URLSearchParams({ ...(since ? { modified_since: since.toISOString() } : {}), page: String(n) })}`,
      };
      if (kind === 'pod') { send(req, res, 'application/json; charset=utf-8', JSON.stringify(projectOpenData(c))); return; }
      const quads = catalogQuads(c);
      if (kind === 'ttl') {
        const writer = new Writer({ prefixes: NS });
        writer.addQuads(quads);
        const ttl = await new Promise<string>((ok, fail) => writer.end((err, out) => (err ? fail(err) : ok(out))));
        send(req, res, 'text/turtle; charset=utf-8', ttl);
        return;
      }
      const nquads = new Writer({ format: 'N-Quads' }).quadsToString(quads);
      const doc = await jsonld.fromRDF(nquads, { format: 'application/n-quads' });
      const compacted = await jsonld.compact(doc, { ...NS, '@language': 'zh' } as jsonld.ContextDefinition);
      send(req, res, 'application/ld+json; charset=utf-8', JSON.stringify(compacted));
    } catch (e) {
      deps.logger.error({ err: e }, 'open catalog failed');
      res.status(500).json({ errors: [{ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
  };
}
