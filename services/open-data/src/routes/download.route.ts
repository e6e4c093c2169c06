// GET /open-data/datasets/:id/download?format=csv|json|jsonl|xml|xlsx[&bom=1] — the anonymous bulk download of an
// UNCONDITIONAL dataset (000 §20), streamed from sharing's record stream; audited as DOWNLOAD before the first byte
// (anonymous callers by address). Refusals are JSON errors with the GraphQL codes. ETag / Last-Modified come from
// sharing's data version: If-None-Match / If-Modified-Since on an unchanged dataset answer 304.
import type { Request, Response } from 'express';
import { AppError, auditActorOf, auditAs, type CommonConfig, type GradePolicySource, type Logger, type TokenVerifier } from '@gov/kit';
import type { DataSource } from 'typeorm';
import { downloadEtag, downloadLastModified, parseFormat, prepareDownload } from '../domain/download';
import { fetchSourceVersion } from '../domain/source';
import { isNotModified } from './conditional';
import { countUse } from '../domain/usage';
import { MEDIA_TYPES, writeRows } from '../domain/writers';

const HTTP: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404, CONFLICT: 409, AUDIT_UNAVAILABLE: 503 };

export function downloadHandler(deps: { ds: DataSource; verify: TokenVerifier; rules: GradePolicySource; config: CommonConfig; logger: Logger }) {
  return async (req: Request, res: Response): Promise<void> => {
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    try {
      const user = req.headers.authorization ? await deps.verify(req.headers.authorization) : null;
      const format = parseFormat(req.query.format ?? 'csv');
      const d = await prepareDownload(deps.ds, String(req.params.id), format, deps.rules, deps.config);
      const bom = req.query.bom === '1' || req.query.bom === 'true';
      // Validators from sharing's data version: an unchanged dataset answers 304 and releases nothing (so no audit record).
      const v = await fetchSourceVersion(d.resource.id, deps.config, abort.signal);
      res.setHeader('ETag', downloadEtag(d, v.version, bom));
      res.setHeader('Last-Modified', downloadLastModified(d, v.lastLoadedAt).toUTCString());
      // no-cache: caches revalidate every time, so a suspension (003 §17) stops cached copies at once too.
      res.setHeader('Cache-Control', 'public, no-cache');
      if (isNotModified(req, res)) { res.status(304).end(); return; }
      await auditAs(auditActorOf(user), {
        action: 'DOWNLOAD', resourceId: d.resource.id, items: d.columns,
        detail: `open dataset ${d.dataset.id} format=${format} from ${req.ip ?? req.socket.remoteAddress ?? '?'}`,
      }, { requestId: String(req.headers['x-request-id'] ?? `download-${d.dataset.id}`), source: 'open-data' });
      await countUse(deps.ds, d.dataset.id, 'DOWNLOAD', format);
      res.status(200).type(MEDIA_TYPES[format]).attachment(d.fileName);
      await writeRows(format, d.columns, d.rows(abort.signal), res, { bom, sheetName: d.dataset.name });
    } catch (e) {
      if (res.headersSent) { if (!abort.signal.aborted) deps.logger.error({ err: e }, 'open data download broken'); res.destroy(); return; }
      for (const h of ['ETag', 'Last-Modified', 'Cache-Control']) res.removeHeader(h);
      if (e instanceof AppError) {
        res.status(HTTP[e.code] ?? 400).json({ errors: [{ message: e.message, extensions: { ...e.extensions, http: undefined } }] });
        return;
      }
      deps.logger.error({ err: e }, 'open data download failed');
      res.status(500).json({ errors: [{ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
  };
}
