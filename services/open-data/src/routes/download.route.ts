// GET /open-data/datasets/:id/download?format=csv|json|jsonl|xml|xlsx[&bom=1] — the anonymous bulk download of an
// UNCONDITIONAL dataset (000 §20), streamed from sharing's record stream; audited as DOWNLOAD before the first byte
// (anonymous callers by address). Refusals are JSON errors with the GraphQL codes.
import type { Request, Response } from 'express';
import { AppError, auditActorOf, auditAs, type CommonConfig, type GradePolicySource, type Logger, type TokenVerifier } from '@gov/kit';
import type { DataSource } from 'typeorm';
import { parseFormat, prepareDownload } from '../domain/download';
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
      await auditAs(auditActorOf(user), {
        action: 'DOWNLOAD', resourceId: d.resource.id, items: d.columns,
        detail: `open dataset ${d.dataset.id} format=${format} from ${req.ip ?? req.socket.remoteAddress ?? '?'}`,
      }, { requestId: String(req.headers['x-request-id'] ?? `download-${d.dataset.id}`), source: 'open-data' });
      await countUse(deps.ds, d.dataset.id, 'DOWNLOAD', format);
      res.status(200).type(MEDIA_TYPES[format]).attachment(d.fileName);
      res.setHeader('Cache-Control', 'public, max-age=60');
      await writeRows(format, d.columns, d.rows(abort.signal), res, { bom: req.query.bom === '1' || req.query.bom === 'true', sheetName: d.dataset.name });
    } catch (e) {
      if (res.headersSent) { if (!abort.signal.aborted) deps.logger.error({ err: e }, 'open data download broken'); res.destroy(); return; }
      if (e instanceof AppError) {
        res.status(HTTP[e.code] ?? 400).json({ errors: [{ message: e.message, extensions: { ...e.extensions, http: undefined } }] });
        return;
      }
      deps.logger.error({ err: e }, 'open data download failed');
      res.status(500).json({ errors: [{ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
  };
}
