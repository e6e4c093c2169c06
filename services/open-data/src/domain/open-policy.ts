// De-identification for the OPEN use (003 §23): what leaves to anonymous people, with no grant and no agreement.
// The stored grade policy has no OPEN usage mode yet (security's enum is shared with sharing and catalog), so the
// open treatment is the policy's strictest bulk answer (QUERY vs PUSH), and never clear text for a sensitive item.
import { maskKindOf, maskValue, stricter, treatmentFor, type Grade, type GradePolicyRule, type Treatment } from '@gov/masking';

export interface OpenItem { name: string; sensitive: boolean; sensitivity?: Grade | null }
export interface OpenResource { id: string; sensitivityGrade: Grade; items: OpenItem[] }

export function itemGrade(resource: Pick<OpenResource, 'sensitivityGrade'>, item: OpenItem): Grade {
  return item.sensitivity ?? (item.sensitive ? resource.sensitivityGrade : 'NONE');
}

export function openTreatment(rules: readonly GradePolicyRule[], grade: Grade, itemSensitivity: Grade): Treatment {
  const bulk = stricter(treatmentFor(rules, { grade, usageMode: 'QUERY', itemSensitivity }), treatmentFor(rules, { grade, usageMode: 'PUSH', itemSensitivity }));
  return itemSensitivity === 'NONE' ? bulk : stricter(bulk, 'MASKED');
}

/** Columns that leave (WITHHELD items are dropped, not blanked) and a row transformer applying the masks. */
export function openProjection(rules: readonly GradePolicyRule[], resource: OpenResource): {
  columns: string[]; treatments: Map<string, Treatment>; apply(fields: Record<string, string | null>): Record<string, string | null>;
} {
  const treatments = new Map(resource.items.map((i) => [i.name, openTreatment(rules, resource.sensitivityGrade, itemGrade(resource, i))]));
  const columns = resource.items.map((i) => i.name).filter((n) => treatments.get(n) !== 'WITHHELD');
  const masked = columns.filter((n) => treatments.get(n) === 'MASKED').map((n) => [n, maskKindOf(n)] as const);
  return {
    columns, treatments,
    apply(fields) {
      const out: Record<string, string | null> = {};
      for (const c of columns) out[c] = fields[c] ?? null;
      for (const [n, kind] of masked) if (out[n] !== null) out[n] = maskValue(kind, out[n]!);
      return out;
    },
  };
}
