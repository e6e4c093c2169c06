// The seven realm roles of DOMAIN.md, plus `service` for machine identities of the platform's own services.
export const ROLES = ['authority', 'platform-operator', 'dept-admin', 'dept-approver', 'dept-user', 'assessor', 'public'] as const;
export type HumanRole = (typeof ROLES)[number];
export type Role = HumanRole | 'service';

export interface User {
  sub: string;
  username: string;
  roles: Role[];
  /** Department id, e.g. `420600-gaj`; null for the public. */
  department: string | null;
  /** Region code (GB/T 2260), e.g. `420600` city, `420683` county. */
  region: string | null;
  isService: boolean;
  /** The raw bearer token, forwarded on service-to-service calls made on the user's behalf. */
  token: string;
}

/** GB/T 2260: a county/district code shares its first four digits with its prefecture-level city (xxxx00). */
export function cityOf(region: string): string {
  return region.slice(0, 4) + '00';
}
export function isCity(region: string): boolean {
  return /^\d{4}00$/.test(region) && !region.endsWith('0000');
}
/** Regions whose data a user of `region` may see through region scoping: its own, and for a city all its counties. */
export function regionCovers(userRegion: string, targetRegion: string): boolean {
  return userRegion === targetRegion || (isCity(userRegion) && cityOf(targetRegion) === userRegion);
}

/** Department ids are `<region code>-<kind>` (e.g. 420600-gaj): the region is the prefix. */
export function regionOfDepartment(id: string): string | null {
  const m = /^(\d{6})-[A-Za-z0-9_]+$/.exec(id);
  return m ? m[1] : null;
}

/** SQL for "this row's region is covered by `region`" (a city covers its counties), for list queries. */
export function coveredRegionSql(column: string, region: string, param = 'coveredRegion'): { sql: string; params: Record<string, string> } {
  return isCity(region)
    ? { sql: `${column} LIKE :${param}`, params: { [param]: `${region.slice(0, 4)}%` } }
    : { sql: `${column} = :${param}`, params: { [param]: region } };
}

/** Role groups, the one place they are written down (use with `@Authorized(...STAFF)`). */
/** Everyone who works inside government, plus machine identities. */
export const STAFF = ['authority', 'platform-operator', 'dept-admin', 'dept-approver', 'dept-user', 'assessor', 'service'] as const;
/** Who oversees other departments' work read-only or as governing body. */
export const OVERSIGHT = ['authority', 'platform-operator', 'assessor'] as const;
/** Who compiles and maintains a department's resources. */
export const DEPT_ADMINS = ['dept-admin'] as const;
/** Who decides on applications addressed to a department. */
export const DEPT_DECIDERS = ['dept-admin', 'dept-approver'] as const;
/** Who consumes shared data for a business scenario. */
export const CONSUMERS = ['dept-user', 'dept-admin'] as const;
