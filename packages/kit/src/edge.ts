// The HTTP edge every deployable shares: security headers, a CORS allowlist, a per-address rate limit and JSON errors
// (a malformed request never meets Express's HTML error page, its stack trace or a file path).
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';

export interface RateLimit { windowMs: number; max: number; anonymousMax?: number }

export interface EdgeOptions {
  /** Browser origins allowed to call the graph; none = no CORS headers at all (browsers refuse cross-origin reads). */
  corsOrigins?: string[];
  /** Requests per address per window on /graphql; absent = no limit (subgraphs sit behind the gateway). */
  rateLimit?: RateLimit;
  /** Largest JSON body accepted on /graphql (express size string, e.g. '2mb'). */
  bodyLimit?: string;
  /** Proxy hops in front of this process (so req.ip is the client, not the ingress). */
  trustProxy?: number;
}

/** One GraphQL-shaped error body for refusals that happen before GraphQL runs. */
export function sendEdgeError(res: Response, status: number, code: string, message: string): void {
  res.status(status).type('application/json').json({ errors: [{ message, extensions: { code } }] });
}

/** OWASP API headers: nothing to sniff, frame or cache; the landing page (development only) needs its scripts. */
export function securityHeaders(landingPage: boolean): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    res.setHeader('Cache-Control', 'no-store');
    if (!landingPage) res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    next();
  };
}

/** CORS for an explicit allowlist only: an unlisted origin gets no Access-Control-* header and its preflight a 403. */
export function corsAllowlist(origins: string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    res.vary('Origin');
    if (origin && allowed.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    if (req.method === 'OPTIONS') {
      if (!origin || !allowed.has(origin)) return sendEdgeError(res, 403, 'FORBIDDEN', `origin ${origin ?? '(none)'} is not allowed`);
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type, x-request-id, apollo-require-preflight');
      res.setHeader('Access-Control-Max-Age', '600');
      return void res.status(204).end();
    }
    next();
  };
}

/**
 * Fixed-window counters per client address (in process: each replica limits on its own). Anonymous requests (the
 * public open-data surface) have their own, lower limit; signed-in callers share the address-wide one.
 */
export function rateLimitPerAddress(opts: RateLimit): RequestHandler {
  const hits = new Map<string, { n: number; until: number }>();
  const count = (key: string, now: number) => {
    let h = hits.get(key);
    if (!h || h.until <= now) {
      if (hits.size > 100_000) for (const [k, v] of hits) if (v.until <= now) hits.delete(k);
      h = { n: 0, until: now + opts.windowMs };
      hits.set(key, h);
    }
    h.n += 1;
    return h;
  };
  return (req, res, next) => {
    const now = Date.now();
    const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const anonymous = !req.headers.authorization;
    const checks: Array<[{ n: number; until: number }, number, string]> = [[count(`all:${ip}`, now), opts.max, 'requests']];
    if (anonymous && opts.anonymousMax !== undefined) checks.push([count(`anon:${ip}`, now), opts.anonymousMax, 'requests without a token']);
    for (const [h, max, what] of checks) {
      if (h.n <= max) continue;
      const retry = Math.ceil((h.until - now) / 1000);
      res.setHeader('Retry-After', String(retry));
      return sendEdgeError(res, 429, 'RATE_LIMITED', `too many ${what} from this address: at most ${max} per ${opts.windowMs / 1000} s; retry in ${retry} s`);
    }
    next();
  };
}

/** body-parser's failures (and anything else thrown before GraphQL) as JSON; never a stack, never a path. */
export function jsonErrors(log: (err: unknown) => void): ErrorRequestHandler {
  return (err: { type?: string; status?: number; statusCode?: number; limit?: number }, _req, res, _next) => {
    if (res.headersSent) return;
    switch (err.type) {
      case 'entity.parse.failed': return sendEdgeError(res, 400, 'BAD_REQUEST', 'the request body is not valid JSON');
      case 'entity.too.large': return sendEdgeError(res, 413, 'PAYLOAD_TOO_LARGE', `the request body exceeds the limit of ${err.limit} bytes`);
      case 'encoding.unsupported':
      case 'charset.unsupported': return sendEdgeError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'the request body must be UTF-8 JSON');
      case 'request.aborted': return sendEdgeError(res, 400, 'BAD_REQUEST', 'the request was aborted');
      default: break;
    }
    const status = err.status ?? err.statusCode ?? 500;
    if (status >= 400 && status < 500) return sendEdgeError(res, status, 'BAD_REQUEST', 'the request could not be read');
    log(err);
    sendEdgeError(res, 500, 'INTERNAL_SERVER_ERROR', 'internal error');
  };
}

/** Unknown routes: JSON, not Express's HTML "Cannot GET". */
export const notFound: RequestHandler = (req, res) => sendEdgeError(res, 404, 'NOT_FOUND', `no route ${req.method} ${req.path.slice(0, 100)}`);
