// Evaluating rules over a resource's records as they stream from sharing: one pass over the records. A cross-resource
// rule (EXISTS_IN) collects this side's values during the pass and then asks the other resource by key in batches
// (sharing's keyed lookup), or — when the other item is not that resource's key — reads that one column once into a
// set. Never both sides row by row.
import type { CommonConfig } from '@gov/kit';
import type { CatalogResource } from './catalog';
import { existsIn, openRecordStream } from './record-stream';
import { MAX_FAILING_IDS, evaluator, type EvalContext, type RuleOutcome, type RuleSpec } from './checks';

const BATCH = 5000;

/** The set of values `otherItem` takes in the other resource (the fallback when it is not that resource's key). */
async function columnSet(otherResourceId: string, otherItem: string, config: CommonConfig): Promise<Set<string>> {
  const values = new Set<string>();
  const other = await openRecordStream(otherResourceId, [otherItem], config);
  for await (const rec of other.records) { const v = rec.fields[otherItem]; if (v) values.add(v.trim()); }
  return values;
}

/** Membership of each distinct value in the other resource. */
async function membership(rule: RuleSpec, values: string[], config: CommonConfig): Promise<(v: string) => boolean> {
  const { otherResourceId, otherItem } = rule.params as Required<Pick<RuleSpec['params'], 'otherResourceId' | 'otherItem'>>;
  const { keyItem } = await existsIn(otherResourceId, [], config);
  if (keyItem !== otherItem) { const set = await columnSet(otherResourceId, otherItem, config); return (v) => set.has(v); }
  const present = new Set<string>();
  for (let i = 0; i < values.length; i += BATCH) {
    const part = values.slice(i, i + BATCH);
    const { found } = await existsIn(otherResourceId, part, config);
    part.forEach((v, k) => { if (found[k]) present.add(v); });
  }
  return (v) => present.has(v);
}

/** Evaluates `rules` over the resource's records; the items streamed are only those the rules read. */
export async function evaluate(resource: CatalogResource, rules: RuleSpec[], config: CommonConfig, now = new Date()): Promise<{ outcomes: RuleOutcome[]; records: number }> {
  const known = new Set(resource.items.map((i) => i.name));
  const items = [...new Set(rules.flatMap((r) => r.items))].filter((n) => known.has(n));
  const ctx: EvalContext = { lookups: new Map(), lastLoadedAt: null, now };
  const stream = await openRecordStream(resource.id, items.length ? items : resource.items.slice(0, 1).map((i) => i.name), config);
  ctx.lastLoadedAt = stream.lastLoadedAt;
  const local = rules.filter((r) => r.check !== 'EXISTS_IN');
  const cross = rules.filter((r) => r.check === 'EXISTS_IN').map((rule) => ({ rule, ids: [] as string[], values: [] as string[] }));
  const ev = evaluator(local, ctx);
  let records = 0;
  for await (const rec of stream.records) {
    ev.add(rec.id, rec.fields);
    for (const c of cross) { c.ids.push(rec.id); c.values.push((rec.fields[c.rule.items[0]] ?? '').trim()); }
    records++;
  }
  const byCode = new Map(ev.finish().map((o) => [o.code, o]));
  for (const c of cross) {
    const has = await membership(c.rule, [...new Set(c.values.filter((v) => v !== ''))], config);
    const o: RuleOutcome = { code: c.rule.code, checked: records, failed: 0, failingRecordIds: [] };
    c.values.forEach((v, i) => {
      if (v === '' || has(v)) return; // an empty value is completeness's business
      o.failed++;
      if (o.failingRecordIds.length < MAX_FAILING_IDS) o.failingRecordIds.push(c.ids[i]);
    });
    byCode.set(c.rule.code, o);
  }
  return { outcomes: rules.map((r) => byCode.get(r.code)!), records };
}
