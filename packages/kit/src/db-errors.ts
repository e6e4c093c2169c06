// The database's answers a domain function turns into business outcomes: one way to recognise each.
import { QueryFailedError } from 'typeorm';

function codeOf(e: unknown): string | undefined {
  if (e instanceof QueryFailedError) return (e as QueryFailedError & { code?: string }).code;
  return (e as { code?: string } | null)?.code;
}

/** A unique key already holds this value (ER_DUP_ENTRY): an idempotent retry, or a race lost to a concurrent insert. */
export function isDuplicateKey(e: unknown): boolean {
  return codeOf(e) === 'ER_DUP_ENTRY';
}

/** A deadlock or lock-wait timeout: a concurrent transaction won; the caller may retry. */
export function isLockConflict(e: unknown): boolean {
  const code = codeOf(e);
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
}
