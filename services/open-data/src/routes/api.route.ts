// GET /open-data/api/datasets/:id/records?first=&after=&items=a,b — the data API for people who don't speak GraphQL.
// Anonymous for UNCONDITIONAL datasets; a personal key (x-api-key) or a token for conditional ones. Rate-limited per key
// and per address (429 + Retry-After); audited before the data leaves (anonymous callers by address).
import type { Request, Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError, UnauthenticatedError, unavailableDependency, auditActorOf, auditAs, type AuditActor, type GradePolicySource, type Logger, type TokenVerifier } from '@gov/kit';
import type { DataSource } from 'typeorm';
import type { OpenDataConfig } from '../config';
import { resolveApiKey } from '../domain/api-keys';
import { readRecordPage } from '../domain/records';
import { countUse } from '../domain/usage';

const HTTP: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404, CONFLICT: 409, AUDIT_UNAVAILABLE: 503 };

export function apiHandler(deps: { ds: DataSource; verify: TokenVerifier; rules: GradePolicySource; config: OpenDataConfig; logger: Logger }) {
  // Per process: behind several replicas each enforces its own share (a shared store is the next step).
  const perKey = new RateLimiterMemory({ keyPrefix: 'key', points: deps.config.apiRatePerKey, duration: 60 });
  const perAddress = new RateLimiterMemory({ keyPrefix: 'addr', points: deps.config.apiRatePerAddress, duration: 60 });
  return async (req: Request, res: Response): Promise<void> => {
    const address = req.ip ?? req.socket.remoteAddress ?? '?';
    try {
      const header = req.headers['x-api-key'];
      let actor: AuditActor;
      let sub: string | null = null;
      let keyPrefix = '';
      if (typeof header === 'string' && header) {
        const key = await resolveApiKey(deps.ds, header);
        if (!key) throw new UnauthenticatedError('unknown, revoked or expired API key');
        await perKey.consume(key.id);
        actor = { username: key.owner, sub: key.ownerSub, department: null, region: null };
        sub = key.ownerSub;
        keyPrefix = ` key ${key.prefix}`;
      } else {
        const user = req.headers.authorization ? await deps.verify(req.headers.authorization) : null;
        actor = auditActorOf(user);
        sub = user?.sub ?? null;
        if (user) await perKey.consume(`user:${user.sub}`); // a signed-in caller has the same budget as a key
      }
      await perAddress.consume(address);
      const first = req.query.first === undefined ? 100 : Number(req.query.first);
      const items = typeof req.query.items === 'string' && req.query.items ? req.query.items.split(',') : null;
      const after = typeof req.query.after === 'string' ? req.query.after : null;
      const page = await readRecordPage(deps.ds, String(req.params.id), sub, { first, after, items }, deps.rules, deps.config);
      await auditAs(actor, { action: 'QUERY', resourceId: page.resourceId, items: page.columns, detail: `open dataset ${page.dataset.id} api rows=${page.records.length} from ${address}${keyPrefix}` },
        { requestId: String(req.headers['x-request-id'] ?? `api-${page.dataset.id}`), source: 'open-data' });
      await countUse(deps.ds, page.dataset.id, 'API');
      res.json({ data: { columns: page.columns, records: page.records, endCursor: page.endCursor, hasNextPage: page.hasNextPage } });
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        res.set('Retry-After', String(Math.max(1, Math.ceil(e.msBeforeNext / 1000))));
        res.status(429).json({ errors: [{ message: 'too many requests: slow down', extensions: { code: 'RATE_LIMITED' } }] });
        return;
      }
      if (e instanceof AppError) {
        res.status(HTTP[e.code] ?? 400).json({ errors: [{ message: e.message, extensions: { ...e.extensions, http: undefined } }] });
        return;
      }
      const dependency = unavailableDependency(e);
      if (dependency) { // the database out of reach: retry later, not a bug
        deps.logger.warn({ err: e, dependency }, 'open data api: dependency unavailable');
        res.set('Retry-After', '5');
        res.status(503).json({ errors: [{ message: `the open-data service cannot reach its ${dependency} right now; retry later`, extensions: { code: 'SERVICE_UNAVAILABLE', service: 'open-data', dependency } }] });
        return;
      }
      deps.logger.error({ err: e }, 'open data api failed');
      res.status(500).json({ errors: [{ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
  };
}
