// Display masks. They never reveal more of a malformed value than of a well-formed one: anything that does not have
// the expected shape falls back to the generic mask. Characters, not UTF-16 units, are counted (Chinese, emoji).

export type MaskKind = 'ID_NUMBER' | 'MOBILE' | 'NAME' | 'ADDRESS' | 'BANK_CARD' | 'USCC' | 'EMAIL' | 'GENERIC';
export const MASK_KINDS: readonly MaskKind[] = ['ID_NUMBER', 'MOBILE', 'NAME', 'ADDRESS', 'BANK_CARD', 'USCC', 'EMAIL', 'GENERIC'];

const star = (n: number) => '*'.repeat(Math.max(0, n));

/** Keeps `head` and `tail` characters, stars the rest. */
function keep(chars: string[], head: number, tail: number): string {
  if (chars.length <= head + tail) return star(chars.length);
  return chars.slice(0, head).join('') + star(chars.length - head - tail) + (tail ? chars.slice(-tail).join('') : '');
}

/** Anything: first and last character of longer values, nothing of short ones. */
function maskGeneric(chars: string[]): string {
  if (chars.length <= 2) return star(chars.length);
  if (chars.length <= 6) return chars[0] + star(chars.length - 1);
  return keep(chars, 1, 1);
}

/** 420602********1234: region and last four (18 digits); 15-digit old numbers keep 6 + 3. */
function maskIdNumber(v: string): string {
  if (/^\d{17}[\dXx]$/.test(v)) return keep([...v], 6, 4);
  if (/^\d{15}$/.test(v)) return keep([...v], 6, 3);
  return maskGeneric([...v]);
}

/** 138****5678; +86 / 86 prefixes and separators kept as written. */
function maskMobile(v: string): string {
  const m = /^(\+?86[\s-]?)?(1\d{2})[\s-]?(\d{4})[\s-]?(\d{4})$/.exec(v);
  if (!m) return maskGeneric([...v]);
  return `${m[1] ?? ''}${m[2]}****${m[4]}`;
}

/** 张*三, 张*, 欧**娜; names with a middle dot (买买提·艾力) keep the first character of each part. */
function maskName(v: string): string {
  const chars = [...v.trim()];
  if (chars.length === 0) return '';
  if (v.includes('·')) return v.split('·').map((p) => { const c = [...p]; return c.length ? c[0] + star(c.length - 1) : ''; }).join('·');
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return keep(chars, 1, 1);
}

// Province / city / county prefixes of a Chinese address, kept: everything after them (street, number, room) is masked.
const ADMIN_PREFIX = /^((?:[^省市区县]{2,8}?(?:省|自治区|特别行政区))?(?:[^省市区县]{1,8}?(?:市|自治州|地区|盟))?(?:[^省市区县]{1,8}?(?:区|县|市|旗))?)/;

/** 湖北省襄阳市襄城区******: administrative divisions kept, the street address masked. */
function maskAddress(v: string): string {
  const chars = [...v];
  const prefix = ADMIN_PREFIX.exec(v)?.[1] ?? '';
  const kept = [...prefix].length;
  if (kept >= 2 && kept < chars.length) return prefix + star(chars.length - kept);
  return keep(chars, Math.min(6, Math.floor(chars.length / 3)), 0);
}

/** 622202*********1234 (16-19 digit cards: issuer BIN and last four); shorter account numbers keep the last four. */
function maskBankCard(v: string): string {
  const digits = v.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits)) return maskGeneric([...v]);
  return digits.length >= 16 ? keep([...digits], 6, 4) : keep([...digits], 0, 4);
}

/** 91420600********1X: registering authority, kind and region kept, organisation code masked, last two kept. */
function maskUscc(v: string): string {
  if (!/^[0-9A-Z]{18}$/.test(v)) return maskGeneric([...v]);
  return keep([...v], 8, 2);
}

/** z***n@xiangyang.gov.cn: the first and last character of the local part, the domain in clear. */
function maskEmail(v: string): string {
  const at = v.lastIndexOf('@');
  if (at < 1 || at === v.length - 1) return maskGeneric([...v]);
  const local = [...v.slice(0, at)];
  const masked = local.length <= 2 ? `${local[0]}***` : `${local[0]}***${local[local.length - 1]}`;
  return `${masked}${v.slice(at)}`;
}

export function maskValue(kind: MaskKind, value: string): string {
  if (value === null || value === undefined) return value;
  const v = String(value);
  switch (kind) {
    case 'ID_NUMBER': return maskIdNumber(v.trim());
    case 'MOBILE': return maskMobile(v.trim());
    case 'NAME': return maskName(v);
    case 'ADDRESS': return maskAddress(v.trim());
    case 'BANK_CARD': return maskBankCard(v.trim());
    case 'USCC': return maskUscc(v.trim());
    case 'EMAIL': return maskEmail(v.trim());
    case 'GENERIC': return maskGeneric([...v]);
    default: return maskGeneric([...v]);
  }
}

const KINDS_BY_ITEM_NAME: Array<[RegExp, MaskKind]> = [
  [/身份号码|身份证/, 'ID_NUMBER'], [/统一社会信用代码/, 'USCC'], [/电话|手机/, 'MOBILE'], [/银行卡|账号/, 'BANK_CARD'],
  [/邮箱|电子邮件/, 'EMAIL'], [/住址|住所|地址|坐落/, 'ADDRESS'], [/姓名|法定代表人|负责人/, 'NAME'],
];
/** The mask of a data item, from its catalog name (sharing's deliveries and open data's downloads use the same one). */
export function maskKindOf(itemName: string): MaskKind {
  return KINDS_BY_ITEM_NAME.find(([re]) => re.test(itemName))?.[1] ?? 'GENERIC';
}
