// POST /exchange/resources/:resourceId/records — the streaming bulk upload (CSV, JSON lines, XLSX) of a provider's
// records. The same token check as GraphQL (kit's verifier), the same role and department rules; the result is the
// load (also readable later with the `exchangeLoad` query).
import type { Request, Response } from 'express';
import {
  AppError, BadUserInputError, fetchCatalogEntry, ForbiddenError, NotFoundError, UnauthenticatedError, auditActorOf, auditAs, hasRole, type Logger, type TokenVerifier,
} from '@gov/kit';
import type { ExchangeCipher } from '../domain/protect';
import type { DataSource } from 'typeorm';
import { formatOf } from '../domain/parse';
import { loadRecords, type LoadRequest } from '../domain/load';

export interface UploadDeps {
  ds: DataSource;
  verify: TokenVerifier;
  identifiers?: LoadRequest['identifiers'];
  cipher: ExchangeCipher;
  logger: Logger;
  /** After a committed load: start the PUSH deliveries of its records. */
  onLoaded?: (resourceId: string, loadId: string) => Promise<unknown>;
}

const HTTP: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404, AUDIT_UNAVAILABLE: 503 };

export function uploadHandler(deps: UploadDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      const user = await deps.verify(req.headers.authorization);
      if (!user) throw new UnauthenticatedError();
      if (!hasRole(user, 'dept-admin', 'service')) throw new ForbiddenError('requires one of the roles: dept-admin, service');
      const resourceId = String(req.params.resourceId);
      const format = formatOf(req.headers['content-type'], typeof req.query.format === 'string' ? req.query.format : undefined);
      if (!format) throw BadUserInputError.field('format', 'send ?format=csv|jsonl|xlsx or a content-type text/csv, application/x-ndjson or the xlsx type');
      const key = req.headers['idempotency-key'];
      if (key !== undefined && (typeof key !== 'string' || !/^[A-Za-z0-9_.:-]{1,64}$/.test(key))) {
        throw BadUserInputError.field('idempotency-key', '1-64 letters, digits, "_", ".", ":" or "-"');
      }
      const resource = await fetchCatalogEntry(resourceId, user.token);
      if (!resource) throw new NotFoundError('DataResource', resourceId);
      if (!user.isService && user.department !== resource.departmentId) {
        throw new ForbiddenError('only the providing department loads the records of its resource');
      }
      const requestId = typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : `upload-${resource.id}`;
      const load = await loadRecords(deps.ds, req, {
        resource, format, createdBy: user.username, idempotencyKey: key ?? null, identifiers: deps.identifiers, cipher: deps.cipher,
        // The import is audited before it commits: no audit record, nothing loaded.
        beforeCommit: (rows, manager) => auditAs(auditActorOf(user), {
          action: 'IMPORT', resourceId: resource.id, items: resource.items.map((i) => i.name), detail: `rows=${rows} format=${format}`,
        }, { requestId, source: 'sharing', manager }),
      });
      if (load.status === 'LOADED' && deps.onLoaded) await deps.onLoaded(resource.id, load.id);
      res.status(load.status === 'LOADED' ? 201 : 422).json({ data: { exchangeLoad: load } });
    } catch (e) {
      req.resume();
      if (e instanceof AppError) {
        res.status(HTTP[e.code] ?? 400).json({ errors: [{ message: e.message, extensions: { ...e.extensions, http: undefined } }] });
        return;
      }
      deps.logger.error({ err: e }, 'upload failed');
      res.status(500).json({ errors: [{ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
  };
}
