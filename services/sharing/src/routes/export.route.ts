// GET /internal/exchange/resources/:resourceId/records — the internal, service-account-only streaming read of a
// resource's records (JSON lines, keyset-paged from the table, backpressure-aware) for the platform's other subgraphs
// (open-data, quality). Audited as one EXPORT before the first byte; values come back decrypted.
import { once } from 'node:events';
import type { Request, Response } from 'express';
import { AppError, BadUserInputError, fetchCatalogEntry, ForbiddenError, NotFoundError, UnauthenticatedError, auditActorOf, auditAs, type Logger, type TokenVerifier } from '@gov/kit';
import type { DataSource } from 'typeorm';
import { ExchangeRecord } from '../entities/exchange';
import type { ExchangeCipher } from '../domain/protect';
import { dataVersion } from '../domain/data-version';

const PAGE = 1000;
const HTTP: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404, AUDIT_UNAVAILABLE: 503 };

export function exportHandler(deps: { ds: DataSource; verify: TokenVerifier; cipher: ExchangeCipher; logger: Logger }) {
  return async (req: Request, res: Response): Promise<void> => {
    let user: Awaited<ReturnType<TokenVerifier>> = null;
    try {
      user = await deps.verify(req.headers.authorization);
      if (!user) throw new UnauthenticatedError();
      if (!user.isService) throw new ForbiddenError('the internal record stream is for the platform\'s service accounts only');
      const resource = await fetchCatalogEntry(String(req.params.resourceId), user.token);
      if (!resource) throw new NotFoundError('DataResource', String(req.params.resourceId));
      const wanted = typeof req.query.items === 'string' && req.query.items ? req.query.items.split(',') : resource.items.map((i) => i.name);
      const unknown = wanted.filter((n) => !resource.items.some((i) => i.name === n));
      if (unknown.length) throw BadUserInputError.field('items', `not data items of this resource: ${unknown.join(', ')}`);
      // The owner states when the resource was last loaded (quality's timeliness rule) and its data version (open-data's ETag).
      const v = await dataVersion(deps.ds, resource.id);
      const n = v.recordCount;
      await auditAs(auditActorOf(user), { action: 'EXPORT', resourceId: resource.id, items: wanted, detail: `internal stream rows=${n}` },
        { requestId: String(req.headers['x-request-id'] ?? `export-${resource.id}`), source: 'sharing' });
      // Optional keyset window (a data API page): records after the record id `after`, at most `limit` of them.
      let after = typeof req.query.after === 'string' ? req.query.after.slice(0, 64) : '';
      let left = typeof req.query.limit === 'string' ? Number.parseInt(req.query.limit, 10) : Infinity;
      if (Number.isNaN(left) || left < 1) throw BadUserInputError.field('limit', 'a positive integer');
      if (v.lastLoadedAt) res.setHeader('x-last-loaded-at', v.lastLoadedAt);
      res.setHeader('x-data-version', v.version);
      res.setHeader('x-record-count', String(n));
      res.status(200).type('application/x-ndjson');
      for (;;) {
        const rows = await deps.ds.getRepository(ExchangeRecord).createQueryBuilder('x')
          .where('x.resourceId = :r AND x.id > :after', { r: resource.id, after }).orderBy('x.id', 'ASC').take(Math.min(PAGE, left)).getMany();
        left -= rows.length;
        for (const x of rows) {
          const fields = Object.fromEntries(wanted.map((name) => [name, x.fields[name] === undefined ? null : deps.cipher.reveal(x.fields[name])]));
          if (!res.write(`${JSON.stringify({ id: x.id, fields })}\n`)) await once(res, 'drain');
        }
        if (rows.length < PAGE || left <= 0) break;
        after = rows[rows.length - 1].id;
      }
      res.end();
    } catch (e) {
      if (res.headersSent) { deps.logger.error({ err: e }, 'record stream broken'); res.destroy(); return; }
      if (e instanceof AppError) {
        // A refused read is audited like any refusal (outcome DENIED), best effort: it releases nothing.
        if (e.code === 'FORBIDDEN' && user) {
          await auditAs(auditActorOf(user), { action: 'EXPORT', outcome: 'DENIED', resourceId: String(req.params.resourceId).slice(0, 64), detail: e.message },
            { requestId: String(req.headers['x-request-id'] ?? `export-${String(req.params.resourceId)}`), source: 'sharing' })
            .catch((err) => deps.logger.warn({ err }, 'could not audit a refused record stream'));
        }
        res.status(HTTP[e.code] ?? 400).json({ errors: [{ message: e.message, extensions: { ...e.extensions, http: undefined } }] });
        return;
      }
      deps.logger.error({ err: e }, 'record stream failed');
      res.status(500).json({ errors: [{ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
  };
}

// GET /internal/exchange/resources/:resourceId/version — the data version of a resource for the platform's service
// accounts (open-data's ETag / Last-Modified): metadata, no record leaves, so no audit record.
export function versionHandler(deps: { ds: DataSource; verify: TokenVerifier; logger: Logger }) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      const user = await deps.verify(req.headers.authorization);
      if (!user) throw new UnauthenticatedError();
      if (!user.isService) throw new ForbiddenError('the data version is for the platform\'s service accounts only');
      res.status(200).json(await dataVersion(deps.ds, String(req.params.resourceId).slice(0, 64)));
    } catch (e) {
      if (e instanceof AppError) { res.status(HTTP[e.code] ?? 400).json({ errors: [{ message: e.message, extensions: { ...e.extensions, http: undefined } }] }); return; }
      deps.logger.error({ err: e }, 'data version failed');
      res.status(500).json({ errors: [{ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
  };
}
