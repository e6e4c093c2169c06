// Row validation against the resource's data items (pure: unit-tested). One problem per bad field, with its row.
import type { ExchangeItem } from './resource';

export interface RowProblem { row: number; field: string | null; reason: string }

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CHECKS: Record<string, (v: string) => string | null> = {
  INTEGER: (v) => (/^-?\d+$/.test(v) ? null : 'not an integer'),
  DECIMAL: (v) => (/^-?\d+(\.\d+)?$/.test(v) ? null : 'not a decimal number'),
  DATE: (v) => (DAY.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v) ? null : 'not a date YYYY-MM-DD'),
  DATETIME: (v) => (Number.isNaN(Date.parse(v)) ? 'not a date-time' : null),
  BOOLEAN: (v) => (/^(true|false|0|1)$/i.test(v) ? null : 'not true/false'),
};

/** Identifier checks by item name: an ID number or credit code that cannot be real is refused at load. */
export type IdentifierCheck = (value: string) => boolean;

export interface RowValidator {
  header(columns: string[]): RowProblem[];
  row(row: number, values: Record<string, unknown>): { problems: RowProblem[]; fields: Record<string, string>; key: string };
}

export function rowValidator(items: ExchangeItem[], keyItem: string, identifiers: Record<string, IdentifierCheck> = {}): RowValidator {
  const byName = new Map(items.map((i) => [i.name, i]));
  const seen = new Set<string>();
  return {
    header(columns) {
      const unknown = columns.filter((c) => !byName.has(c));
      const problems: RowProblem[] = unknown.map((c) => ({ row: 0, field: c, reason: 'not a data item of this resource' }));
      if (!columns.includes(keyItem)) problems.push({ row: 0, field: keyItem, reason: 'the key item is missing' });
      return problems;
    },
    row(row, values) {
      const problems: RowProblem[] = [];
      const fields: Record<string, string> = {};
      for (const [name, raw] of Object.entries(values)) {
        const item = byName.get(name);
        if (!item) { problems.push({ row, field: name, reason: 'not a data item of this resource' }); continue; }
        if (raw !== null && raw !== undefined && typeof raw === 'object') { problems.push({ row, field: name, reason: 'must be a plain value' }); continue; }
        const v = raw === null || raw === undefined ? '' : String(raw).trim();
        if (v === '') continue;
        if (item.length !== null && [...v].length > item.length) problems.push({ row, field: name, reason: `longer than ${item.length} characters` });
        const typeProblem = CHECKS[item.type]?.(v);
        if (typeProblem) problems.push({ row, field: name, reason: typeProblem });
        const id = identifiers[name];
        if (id && !id(v)) problems.push({ row, field: name, reason: 'fails its check digit' });
        fields[name] = v;
      }
      const key = fields[keyItem] ?? '';
      if (!key) problems.push({ row, field: keyItem, reason: 'the key item is empty' });
      else if (key.length > 64) problems.push({ row, field: keyItem, reason: 'key longer than 64 characters' });
      else if (seen.has(key)) problems.push({ row, field: keyItem, reason: `duplicate key ${key} in this upload` });
      else seen.add(key);
      return { problems, fields, key };
    },
  };
}
