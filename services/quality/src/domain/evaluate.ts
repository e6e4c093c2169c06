// Evaluating rules over a resource's records as they stream from sharing: one pass over the records; a cross-resource
// rule reads one column of the other resource once into a keyed set (never both sides row by row).
import type { CommonConfig } from '@gov/kit';
import type { CatalogResource } from './catalog';
import { openRecordStream } from './record-stream';
import { evaluator, lookupKey, type EvalContext, type RuleOutcome, type RuleSpec } from './rules';

/** Builds the keyed lookups of the cross-resource rules: one column of the other resource each, read once. */
async function lookupsFor(rules: RuleSpec[], config: CommonConfig): Promise<Map<string, Set<string>>> {
  const lookups = new Map<string, Set<string>>();
  for (const r of rules) {
    if (r.check !== 'EXISTS_IN') continue;
    const key = lookupKey(r.params.otherResourceId!, r.params.otherItem!);
    if (lookups.has(key)) continue;
    const values = new Set<string>();
    const other = await openRecordStream(r.params.otherResourceId!, [r.params.otherItem!], config);
    for await (const rec of other.records) { const v = rec.fields[r.params.otherItem!]; if (v) values.add(v.trim()); }
    lookups.set(key, values);
  }
  return lookups;
}

/** Evaluates `rules` over the resource's records; the items streamed are only those the rules read. */
export async function evaluate(resource: CatalogResource, rules: RuleSpec[], config: CommonConfig, now = new Date()): Promise<{ outcomes: RuleOutcome[]; records: number }> {
  const known = new Set(resource.items.map((i) => i.name));
  const items = [...new Set(rules.flatMap((r) => r.items))].filter((n) => known.has(n));
  const ctx: EvalContext = { lookups: await lookupsFor(rules, config), lastLoadedAt: null, now };
  const stream = await openRecordStream(resource.id, items.length ? items : resource.items.slice(0, 1).map((i) => i.name), config);
  ctx.lastLoadedAt = stream.lastLoadedAt;
  const ev = evaluator(rules, ctx);
  let records = 0;
  for await (const rec of stream.records) { ev.add(rec.id, rec.fields); records++; }
  return { outcomes: ev.finish(), records };
}

