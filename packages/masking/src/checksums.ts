// Check digits of the two national identifiers: GB 11643 (citizen ID number) and GB 32100 (unified social credit code).

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 check character of the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/**
 * An 18-character citizen ID number (公民身份号码, GB 11643): 6-digit region, a real birth date (YYYYMMDD, 1800 or
 * later: GB 11643 itself uses an 1880 example), 3-digit sequence and the mod 11-2 check character (X or x for 10).
 */
export function isValidIdNumber(v: string): boolean {
  if (typeof v !== 'string' || !/^[1-9]\d{16}[\dXx]$/.test(v)) return false;
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1800 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return idNumberCheckChar(v) === v[17].toUpperCase();
}

// GB 32100: 31 characters (no I, O, S, V, Z), weights 3^i mod 31.
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100 check character of the first 17 characters, or null if one of them is not in the code's alphabet. */
export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const n = USCC_CHARS.indexOf(first17[i]);
    if (n < 0) return null;
    sum += n * USCC_WEIGHTS[i];
  }
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

/**
 * An 18-character unified social credit code (统一社会信用代码, GB 32100): registering authority, entity kind,
 * 6-digit region, 9-character organisation code, check character. Upper case only, as issued.
 */
export function isValidUscc(v: string): boolean {
  if (typeof v !== 'string' || !/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(v)) return false;
  return usccCheckChar(v) === v[17];
}
