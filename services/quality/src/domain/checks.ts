// Quality rules (checks) and their evaluation over a stream of records (pure: unit-tested). Five dimensions (000 §14):
// completeness, validity, uniqueness, consistency, timeliness. A rule fails per record; timeliness per resource.
import { isValidIdNumber, isValidUscc } from '@gov/masking';

export type Dimension = 'COMPLETENESS' | 'VALIDITY' | 'UNIQUENESS' | 'CONSISTENCY' | 'TIMELINESS';
export const DIMENSIONS: readonly Dimension[] = ['COMPLETENESS', 'VALIDITY', 'UNIQUENESS', 'CONSISTENCY', 'TIMELINESS'];

export type Check =
  | 'REQUIRED' // completeness: every item present and non-empty
  | 'TYPE' | 'MAX_LENGTH' | 'PATTERN' | 'CODE_LIST' | 'RANGE' | 'DATE' | 'ID_NUMBER' | 'USCC' // validity
  | 'UNIQUE' // uniqueness: one item or a compound key
  | 'ID_BIRTH_DATE' | 'EXISTS_IN' // consistency: within a record; across resources
  | 'FRESHNESS'; // timeliness: last load within the update cycle
export const CHECK_DIMENSION: Record<Check, Dimension> = {
  REQUIRED: 'COMPLETENESS', TYPE: 'VALIDITY', MAX_LENGTH: 'VALIDITY', PATTERN: 'VALIDITY', CODE_LIST: 'VALIDITY', RANGE: 'VALIDITY',
  DATE: 'VALIDITY', ID_NUMBER: 'VALIDITY', USCC: 'VALIDITY', UNIQUE: 'UNIQUENESS', ID_BIRTH_DATE: 'CONSISTENCY', EXISTS_IN: 'CONSISTENCY',
  FRESHNESS: 'TIMELINESS',
};

export interface RuleParams {
  type?: string; maxLength?: number; pattern?: string; values?: string[]; min?: number; max?: number;
  /** EXISTS_IN: the other resource and its item the value must occur in. */
  otherResourceId?: string; otherItem?: string;
  /** FRESHNESS: the declared update cycle of the resource. */
  updateCycle?: string;
}

export interface RuleSpec { code: string; check: Check; items: string[]; params: RuleParams }

export interface CatalogItem { name: string; type: string; length: number | null }

/** Items that identify a record (sharing keys records by the first present), else the first item. */
const KEY_ITEMS = ['公民身份号码', '统一社会信用代码'];

/** The rule set every resource gets without anyone writing rules: derived from the catalog entry's items. */
export function defaultRules(items: CatalogItem[], updateCycle: string): RuleSpec[] {
  const rules: RuleSpec[] = [];
  const names = items.map((i) => i.name);
  if (names.length) rules.push({ code: 'required', check: 'REQUIRED', items: names, params: {} });
  for (const i of items) {
    if (i.type !== 'STRING' && i.type !== 'BINARY') rules.push({ code: `type:${i.name}`, check: 'TYPE', items: [i.name], params: { type: i.type } });
    if (i.length) rules.push({ code: `length:${i.name}`, check: 'MAX_LENGTH', items: [i.name], params: { maxLength: i.length } });
    if (i.name === '公民身份号码') rules.push({ code: `id-number:${i.name}`, check: 'ID_NUMBER', items: [i.name], params: {} });
    if (i.name === '统一社会信用代码') rules.push({ code: `uscc:${i.name}`, check: 'USCC', items: [i.name], params: {} });
  }
  const key = KEY_ITEMS.find((k) => names.includes(k)) ?? names[0];
  if (key) rules.push({ code: `unique:${key}`, check: 'UNIQUE', items: [key], params: {} });
  const birth = names.find((n) => n === '出生日期');
  if (names.includes('公民身份号码') && birth) rules.push({ code: 'id-birth-date', check: 'ID_BIRTH_DATE', items: ['公民身份号码', birth], params: {} });
  rules.push({ code: 'freshness', check: 'FRESHNESS', items: [], params: { updateCycle } });
  return rules;
}

/** Calendar days a load may be old before the resource is late for its declared update cycle (001 §16). */
export const CYCLE_DAYS: Record<string, number> = { REAL_TIME: 1, DAILY: 2, WEEKLY: 8, MONTHLY: 32, QUARTERLY: 93, YEARLY: 367 };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (v: string) => DAY.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const TYPE_CHECKS: Record<string, (v: string) => boolean> = {
  INTEGER: (v) => /^-?\d+$/.test(v),
  DECIMAL: (v) => /^-?\d+(\.\d+)?$/.test(v),
  DATE: isDate,
  DATETIME: (v) => !Number.isNaN(Date.parse(v)),
  BOOLEAN: (v) => /^(true|false|0|1)$/i.test(v),
};

/** What a rule needs besides the record: the other resource's values (EXISTS_IN), the last load (FRESHNESS). */
export interface EvalContext { lookups: Map<string, Set<string>>; lastLoadedAt: Date | null; now: Date }

export function lookupKey(otherResourceId: string, otherItem: string): string {
  return `${otherResourceId}/${otherItem}`;
}

/** Whether a rule's params are usable; the message names what is wrong (the resolver turns it into BAD_USER_INPUT). */
export function ruleProblem(r: RuleSpec): { field: string; reason: string } | null {
  const needItems = r.check !== 'FRESHNESS';
  if (needItems && !r.items.length) return { field: 'items', reason: 'name at least one data item' };
  if (r.check === 'PATTERN') {
    if (!r.params.pattern) return { field: 'pattern', reason: 'a PATTERN rule needs a regular expression' };
    try { new RegExp(r.params.pattern, 'u'); } catch { return { field: 'pattern', reason: 'not a valid regular expression' }; }
  }
  if (r.check === 'CODE_LIST' && !r.params.values?.length) return { field: 'values', reason: 'a CODE_LIST rule needs its codes' };
  if (r.check === 'RANGE' && r.params.min == null && r.params.max == null) return { field: 'min', reason: 'a RANGE rule needs min or max' };
  if (r.check === 'MAX_LENGTH' && !r.params.maxLength) return { field: 'maxLength', reason: 'a MAX_LENGTH rule needs maxLength' };
  if (r.check === 'TYPE' && !TYPE_CHECKS[r.params.type ?? '']) return { field: 'type', reason: 'one of INTEGER, DECIMAL, DATE, DATETIME, BOOLEAN' };
  if (r.check === 'ID_BIRTH_DATE' && r.items.length !== 2) return { field: 'items', reason: 'the ID-number item, then the birth-date item' };
  if (r.check === 'EXISTS_IN' && (!r.params.otherResourceId || !r.params.otherItem)) return { field: 'otherResourceId', reason: 'name the other resource and its item' };
  if (r.check === 'FRESHNESS' && !(r.params.updateCycle && CYCLE_DAYS[r.params.updateCycle])) return { field: 'updateCycle', reason: 'a known update cycle' };
  return null;
}

type Fields = Record<string, string | null>;
const val = (f: Fields, name: string): string => (f[name] ?? '').trim();

/** A per-record predicate: true = the record passes. Stateful for UNIQUE (it remembers what it has seen). */
export function recordCheck(r: RuleSpec, ctx: EvalContext): ((f: Fields) => boolean) | null {
  const [item] = r.items;
  // An empty value is completeness's business: the other checks skip it.
  const nonEmpty = (test: (v: string) => boolean) => (f: Fields) => { const v = val(f, item); return v === '' || test(v); };
  switch (r.check) {
    case 'REQUIRED': return (f) => r.items.every((n) => val(f, n) !== '');
    case 'TYPE': return nonEmpty(TYPE_CHECKS[r.params.type!]);
    case 'MAX_LENGTH': return nonEmpty((v) => [...v].length <= r.params.maxLength!);
    case 'PATTERN': { const re = new RegExp(`^(?:${r.params.pattern})$`, 'u'); return nonEmpty((v) => re.test(v)); }
    case 'CODE_LIST': { const codes = new Set(r.params.values); return nonEmpty((v) => codes.has(v)); }
    case 'RANGE': return nonEmpty((v) => {
      const n = Number(v);
      return !Number.isNaN(n) && (r.params.min == null || n >= r.params.min) && (r.params.max == null || n <= r.params.max);
    });
    case 'DATE': return nonEmpty(isDate);
    case 'ID_NUMBER': return nonEmpty(isValidIdNumber);
    case 'USCC': return nonEmpty(isValidUscc);
    case 'UNIQUE': {
      const seen = new Set<string>();
      return (f) => {
        const key = r.items.map((n) => val(f, n)).join('\u0001');
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      };
    }
    case 'ID_BIRTH_DATE': return (f) => {
      const id = val(f, r.items[0]), birth = val(f, r.items[1]).replace(/-/g, '');
      return id === '' || birth === '' || (id.length === 18 && id.slice(6, 14) === birth);
    };
    case 'EXISTS_IN': {
      const other = ctx.lookups.get(lookupKey(r.params.otherResourceId!, r.params.otherItem!)) ?? new Set<string>();
      return nonEmpty((v) => other.has(v));
    }
    case 'FRESHNESS': return null;
  }
}

/** Timeliness of the resource as a whole: one check, failed when the last load is older than the cycle allows. */
export function isFresh(r: RuleSpec, ctx: EvalContext): boolean {
  if (!ctx.lastLoadedAt) return false;
  return ctx.now.getTime() - ctx.lastLoadedAt.getTime() <= CYCLE_DAYS[r.params.updateCycle!] * 86_400_000;
}

export interface RuleOutcome { code: string; checked: number; failed: number; failingRecordIds: string[] }

/** How many failing record ids a run keeps per rule (the counts are always exact). */
export const MAX_FAILING_IDS = 1000;

/** Evaluates every rule over the records in ONE pass; rules with only a resource-level check count one check. */
export function evaluator(rules: RuleSpec[], ctx: EvalContext) {
  const perRecord = rules.map((r) => ({ rule: r, test: recordCheck(r, ctx), outcome: { code: r.code, checked: 0, failed: 0, failingRecordIds: [] as string[] } }));
  return {
    add(id: string, fields: Fields): void {
      for (const p of perRecord) {
        if (!p.test) continue;
        p.outcome.checked++;
        if (!p.test(fields)) {
          p.outcome.failed++;
          if (p.outcome.failingRecordIds.length < MAX_FAILING_IDS) p.outcome.failingRecordIds.push(id);
        }
      }
    },
    finish(): RuleOutcome[] {
      for (const p of perRecord) {
        if (p.test) continue;
        p.outcome.checked = 1;
        p.outcome.failed = isFresh(p.rule, ctx) ? 0 : 1;
      }
      return perRecord.map((p) => p.outcome);
    },
  };
}

/** Share of checks passed per dimension and overall (0-100, one decimal); null for a dimension with no checks. */
export function scores(rules: RuleSpec[], outcomes: RuleOutcome[]): Record<Dimension | 'OVERALL', number | null> {
  const sums = new Map<Dimension, { checked: number; failed: number }>();
  rules.forEach((r, i) => {
    const d = CHECK_DIMENSION[r.check];
    const s = sums.get(d) ?? { checked: 0, failed: 0 };
    s.checked += outcomes[i].checked;
    s.failed += outcomes[i].failed;
    sums.set(d, s);
  });
  const pct = (s?: { checked: number; failed: number }) => (s && s.checked ? Math.round((1000 * (s.checked - s.failed)) / s.checked) / 10 : null);
  const out = Object.fromEntries(DIMENSIONS.map((d) => [d, pct(sums.get(d))])) as Record<Dimension | 'OVERALL', number | null>;
  const present = DIMENSIONS.map((d) => out[d]).filter((v): v is number => v !== null);
  out.OVERALL = present.length ? Math.round((10 * present.reduce((a, b) => a + b, 0)) / present.length) / 10 : null;
  return out;
}
