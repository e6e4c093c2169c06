// The one way to check auth: verify the Keycloak token with jose against the realm JWKS, then type-graphql's
// @Authorized(roles) through authChecker, then data-scope assertions (department, region) in the resolver.
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { AuthChecker } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from './errors';
import { regionCovers, type Role, type User } from './roles';

export interface TokenVerifierOptions {
  issuer: string; jwksUrl: string; audience: string;
  /** Ask Keycloak whether a verified token is still active (user disabled, session ended); off when absent or ttlMs 0. */
  revocation?: RevocationCheckOptions;
}

export interface RevocationCheckOptions {
  /** The realm's token introspection endpoint and a confidential client allowed to call it. */
  url: string; clientId: string; clientSecret: string;
  /** How long one answer is reused per token: a disabled user is refused at most this long after (plus the call). */
  ttlMs: number;
  timeoutMs?: number;
  maxEntries?: number;
}

/**
 * Keycloak token introspection with a per-token cache: a process asks about each token at most once per `ttlMs`
 * (concurrent requests share one call). Keycloak unreachable = the offline verification stands (fail open, retried
 * after the TTL): an outage of the identity provider must not take the graph down.
 */
export function createRevocationCheck(opts: RevocationCheckOptions): (key: string, token: string) => Promise<boolean> {
  const cache = new Map<string, { until: number; active: Promise<boolean> }>();
  const max = opts.maxEntries ?? 50_000;
  const ask = async (token: string): Promise<boolean> => {
    try {
      const res = await fetch(opts.url, {
        method: 'POST', signal: AbortSignal.timeout(opts.timeoutMs ?? 2000),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, client_id: opts.clientId, client_secret: opts.clientSecret }),
      });
      if (!res.ok) return true;
      return ((await res.json()) as { active?: unknown }).active === true;
    } catch {
      return true;
    }
  };
  return (key, token) => {
    const now = Date.now();
    const hit = cache.get(key);
    if (hit && hit.until > now) return hit.active;
    if (cache.size >= max) { // drop the expired, then the oldest (Map keeps insertion order)
      for (const [k, v] of cache) if (v.until <= now) cache.delete(k);
      while (cache.size >= max) cache.delete(cache.keys().next().value!);
    }
    const entry = { until: now + opts.ttlMs, active: ask(token) };
    cache.delete(key);
    cache.set(key, entry);
    return entry.active;
  };
}
export type TokenVerifier = (authorization: string | undefined) => Promise<User | null>;

interface KeycloakClaims extends JWTPayload {
  preferred_username?: string;
  realm_access?: { roles?: string[] };
  department?: string;
  region?: string;
  azp?: string;
}

const VERIFIED_CACHE_MAX = 10_000;

/** Returns null for an anonymous request, a User for a valid token; throws UNAUTHENTICATED for anything else. */
export function createTokenVerifier(opts: TokenVerifierOptions): TokenVerifier {
  const jwks = createRemoteJWKSet(new URL(opts.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
  // A token already verified needs no second signature check until it expires: every hop of every call re-presents it.
  // Whether it is still active (user not disabled) is asked again per revocation TTL, cache hit or not.
  const verified = new Map<string, { user: User; exp: number; jti: string }>();
  const stillActive = opts.revocation && opts.revocation.ttlMs > 0 ? createRevocationCheck(opts.revocation) : null;
  const revoked = () => new UnauthenticatedError('access token no longer active (user disabled or session ended); sign in again');
  return async (authorization) => {
    if (!authorization) return null;
    const m = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!m) throw new UnauthenticatedError('authorization header must be "Bearer <token>"');
    const token = m[1];
    const hit = verified.get(token);
    if (hit) {
      if (hit.exp > Date.now()) {
        if (stillActive && !(await stillActive(hit.jti, token))) throw revoked();
        return { ...hit.user, roles: [...hit.user.roles] };
      }
      verified.delete(token);
    }
    let claims: KeycloakClaims;
    try {
      ({ payload: claims } = await jwtVerify<KeycloakClaims>(token, jwks, {
        issuer: opts.issuer, audience: opts.audience, algorithms: ['RS256', 'ES256', 'PS256'],
      }));
    } catch (e) {
      const reason = (e as { code?: string }).code ?? 'invalid';
      throw new UnauthenticatedError(`invalid access token (${reason})`);
    }
    if (!claims.sub) throw new UnauthenticatedError('invalid access token (no subject)');
    if (stillActive && !(await stillActive(claims.jti ?? token, token))) throw revoked();
    const roles = (claims.realm_access?.roles ?? []).filter((r): r is Role =>
      ['authority', 'platform-operator', 'dept-admin', 'dept-approver', 'dept-user', 'assessor', 'public', 'service'].includes(r));
    const user: User = {
      sub: claims.sub,
      username: claims.preferred_username ?? claims.azp ?? claims.sub,
      roles,
      department: claims.department ?? null,
      region: claims.region ?? null,
      isService: roles.includes('service'),
      token,
    };
    if (typeof claims.exp === 'number') {
      if (verified.size >= VERIFIED_CACHE_MAX) verified.delete(verified.keys().next().value!); // oldest first
      verified.set(token, { user, exp: claims.exp * 1000, jti: claims.jti ?? token });
    }
    return { ...user, roles: [...roles] };
  };
}

export interface AuthContext { user: User | null }

/** type-graphql authChecker: `@Authorized()` = any signed-in user, `@Authorized('authority', ...)` = one of these roles. */
export const authChecker: AuthChecker<AuthContext, Role> = ({ context }, roles) => {
  const user = context.user;
  if (!user) throw new UnauthenticatedError();
  if (roles.length === 0) return true;
  if (!roles.some((r) => user.roles.includes(r))) {
    throw new ForbiddenError(`requires one of the roles: ${roles.join(', ')}`);
  }
  return true;
};

export function requireUser(ctx: AuthContext): User {
  if (!ctx.user) throw new UnauthenticatedError();
  return ctx.user;
}

/** The caller's department (and region): a token without one (the public, a machine) may not act for a department. */
export function requireDepartment(ctx: AuthContext): User & { department: string; region: string } {
  const user = requireUser(ctx);
  if (!user.department || !user.region) throw new ForbiddenError('the token carries no department/region');
  return user as User & { department: string; region: string };
}

/** The caller's region (authority, operator, assessor act for a region). */
export function requireRegion(ctx: AuthContext): User & { region: string } {
  const user = requireUser(ctx);
  if (!user.region) throw new ForbiddenError('the token carries no region');
  return user as User & { region: string };
}

export function hasRole(user: User | null, ...roles: Role[]): boolean {
  return !!user && roles.some((r) => user.roles.includes(r));
}

export interface Owned { departmentId: string; regionCode: string }

/**
 * May `user` act on (or read non-public data of) something owned by a department?
 * Own department: yes. The authority and the platform operator: anything in a region they cover (a city covers its
 * counties). Assessors read within their region coverage but never write. Everyone else: no.
 */
export function canAccessDepartment(user: User, owned: Owned, mode: 'read' | 'write' = 'read'): boolean {
  if (user.isService) return true;
  if (user.department && user.department === owned.departmentId) return true;
  if (!user.region || !regionCovers(user.region, owned.regionCode)) return false;
  if (hasRole(user, 'authority', 'platform-operator')) return true;
  return mode === 'read' && hasRole(user, 'assessor');
}

export function assertDepartmentAccess(user: User, owned: Owned, mode: 'read' | 'write' = 'read', what = 'this item'): void {
  if (!canAccessDepartment(user, owned, mode)) {
    throw new ForbiddenError(`department ${user.department ?? '(none)'} may not ${mode} ${what} of department ${owned.departmentId}`);
  }
}
