// Published versions (000 §9): a JSON snapshot of the entry and its items at each publication; a field-level diff
// between any two.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DataItem, DataResource } from '../entities/data-resource';
import { ResourceVersion } from '../entities/resource-version';
import { itemSensitivity, type EntryInput } from './rules';
import { entryFields } from './entries';

export const VERSIONED_FIELDS = [
  'code', 'name', 'description', 'category', 'serviceItem', 'sourceSystemId', 'format', 'updateCycle', 'shareType', 'shareCondition',
  'notSharedBasis', 'openType', 'notOpenReason', 'sensitivityGrade', 'provisionMode', 'usageModes', 'theme',
] as const;

export interface Snapshot {
  fields: Record<string, unknown>;
  items: Array<{ name: string; type: string; length: number | null; sensitivity: string }>;
}

export async function snapshotOf(m: EntityManager, resourceId: string): Promise<Snapshot> {
  const r = await m.getRepository(DataResource).findOneByOrFail({ id: resourceId });
  const items = await m.getRepository(DataItem).find({ where: { resourceId }, order: { position: 'ASC' } });
  const fields: Record<string, unknown> = {};
  for (const f of VERSIONED_FIELDS) fields[f] = (r as unknown as Record<string, unknown>)[f] ?? null;
  return { fields, items: items.map((i) => ({ name: i.name, type: i.type, length: i.length, sensitivity: i.sensitivity })) };
}

/** Records the entry as it stands now as version `version`; idempotent per (resource, version). */
export async function recordVersion(m: EntityManager, resourceId: string, version: number, changeRequestId: string | null = null): Promise<void> {
  if (await m.getRepository(ResourceVersion).existsBy({ resourceId, version })) return;
  await m.getRepository(ResourceVersion).insert({
    id: randomUUID(), resourceId, version, changeRequestId, snapshot: JSON.stringify(await snapshotOf(m, resourceId)),
  });
}

export interface FieldChange { field: string; before: string | null; after: string | null }

const show = (v: unknown): string | null => (v === null || v === undefined ? null : Array.isArray(v) ? v.join(',') : String(v));

export function diffSnapshots(a: Snapshot, b: Snapshot): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of VERSIONED_FIELDS) {
    const before = show(a.fields[f]); const after = show(b.fields[f]);
    if (before !== after) out.push({ field: f, before, after });
  }
  const ia = new Map(a.items.map((i) => [i.name, i])); const ib = new Map(b.items.map((i) => [i.name, i]));
  for (const [name, i] of ia) {
    const j = ib.get(name);
    if (!j) { out.push({ field: `items[${name}]`, before: `${i.type}/${i.length ?? ''}/${i.sensitivity}`, after: null }); continue; }
    for (const k of ['type', 'length', 'sensitivity'] as const) {
      if (show(i[k]) !== show(j[k])) out.push({ field: `items[${name}].${k}`, before: show(i[k]), after: show(j[k]) });
    }
  }
  for (const [name, j] of ib) if (!ia.has(name)) out.push({ field: `items[${name}]`, before: null, after: `${j.type}/${j.length ?? ''}/${j.sensitivity}` });
  return out;
}

/** A proposed entry (a change request's EntryInput) as a snapshot, to diff against what is published. */
export function snapshotOfInput(input: EntryInput): Snapshot {
  const e = entryFields(input) as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const f of VERSIONED_FIELDS) fields[f] = e[f] ?? null;
  return { fields, items: input.items.map((i) => ({ name: i.name, type: i.type, length: i.length ?? null, sensitivity: itemSensitivity(i, input.sensitivityGrade) })) };
}
