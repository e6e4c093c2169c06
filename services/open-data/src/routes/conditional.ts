// Conditional GETs (RFC 9110 §13) for the public routes. The request's own Cache-Control is left out on purpose:
// it addresses caches, and fetch() adds `no-cache` to every conditional request, which `fresh` alone would read as
// "never answer 304".
import type { Request, Response } from 'express';
import fresh from 'fresh';

/** True when the validators already set on `res` match the request's If-None-Match / If-Modified-Since. */
export function isNotModified(req: Request, res: Response): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const { 'cache-control': _ignored, ...headers } = req.headers;
  return fresh(headers, { etag: res.getHeader('ETag') as string | undefined, 'last-modified': res.getHeader('Last-Modified') as string | undefined });
}
