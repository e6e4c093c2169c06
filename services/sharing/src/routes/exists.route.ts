// POST /internal/exchange/resources/:resourceId/exists {keys: [...]} — service-only keyed existence check by record
// key (HMAC-SM3 digests, the primary lookup of the exchange): quality's cross-resource consistency rules ask "is this
// ID number in the population base?" in batches instead of streaming and decrypting the whole other resource.
// Answers `found[i]` per key, never a value; one audited VERIFY per batch.
import type { Request, Response } from 'express';
import { AppError, BadUserInputError, fetchCatalogEntry, ForbiddenError, NotFoundError, UnauthenticatedError, auditActorOf, auditAs, type Logger, type TokenVerifier } from '@gov/kit';
import type { DataSource } from 'typeorm';
import type { ExchangeCipher } from '../domain/protect';
import { keyItemOf } from '../domain/resource';

export const MAX_EXISTS_KEYS = 5000;
const HTTP: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404, AUDIT_UNAVAILABLE: 503 };

/** The request's JSON body, at most 1 MB (5000 keys of 64 characters fit). */
async function jsonBody(req: Request): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > 1_048_576) throw BadUserInputError.field('keys', 'body over 1 MB');
    chunks.push(c);
  }
  try { return JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { throw BadUserInputError.field('keys', 'not a JSON body'); }
}

export function existsHandler(deps: { ds: DataSource; verify: TokenVerifier; cipher: ExchangeCipher; logger: Logger }) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      const user = await deps.verify(req.headers.authorization);
      if (!user) throw new UnauthenticatedError();
      if (!user.isService) throw new ForbiddenError('the internal existence check is for the platform\'s service accounts only');
      const keys = (await jsonBody(req) as { keys?: unknown } | null)?.keys;
      if (!Array.isArray(keys) || keys.length > MAX_EXISTS_KEYS || keys.some((k) => typeof k !== 'string' || k.length > 64)) {
        throw BadUserInputError.field('keys', `up to ${MAX_EXISTS_KEYS} record keys of at most 64 characters`);
      }
      const resource = await fetchCatalogEntry(String(req.params.resourceId), user.token);
      if (!resource) throw new NotFoundError('DataResource', String(req.params.resourceId));
      const keyItem = keyItemOf(resource);
      const stored = (keys as string[]).map((k) => deps.cipher.storedKey(resource.id, k.trim()));
      const hits = new Set<string>();
      for (let i = 0; i < stored.length; i += 1000) {
        const part = stored.slice(i, i + 1000);
        const rows = await deps.ds.query(`SELECT record_key AS k FROM exchange_record WHERE resource_id = ? AND record_key IN (${part.map(() => '?').join(',')})`,
          [resource.id, ...part]) as Array<{ k: string }>;
        for (const r of rows) hits.add(r.k);
      }
      const found = stored.map((k) => hits.has(k));
      if (keys.length) {
        await auditAs(auditActorOf(user), { action: 'VERIFY', resourceId: resource.id, items: [keyItem], detail: `internal exists keys=${keys.length} found=${hits.size}` },
          { requestId: String(req.headers['x-request-id'] ?? `exists-${resource.id}`), source: 'sharing' });
      }
      res.status(200).json({ keyItem, found });
    } catch (e) {
      if (e instanceof AppError) {
        res.status(HTTP[e.code] ?? 400).json({ errors: [{ message: e.message, extensions: { ...e.extensions, http: undefined } }] });
        return;
      }
      deps.logger.error({ err: e }, 'existence check failed');
      res.status(500).json({ errors: [{ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
  };
}
