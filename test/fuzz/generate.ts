// Operations generated from the supergraph: every Query and Mutation root field, with a selection of its leaves and
// variables that are valid, boundary or hostile (wrong types, huge and unicode strings, injection strings, deep nesting).
import { Supergraph } from '@apollo/federation-internals';
import {
  getNamedType, getNullableType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, isObjectType,
  type GraphQLArgument, type GraphQLField, type GraphQLInputType, type GraphQLObjectType, type GraphQLOutputType, type GraphQLSchema,
} from 'graphql';
import { readSupergraph } from '../../gateway/src/compose';

export type Mode = 'valid' | 'boundary' | 'hostile';
export interface FuzzCase { field: string; kind: 'query' | 'mutation'; mode: Mode; query: string; variables: Record<string, unknown> }

export function apiSchema(): GraphQLSchema {
  return Supergraph.build(readSupergraph()).apiSchema().toGraphQLJSSchema();
}

/** Small deterministic PRNG (mulberry32): the same seed gives the same requests, so a finding can be replayed. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)], chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof rng>;

const SEED_IDS = ['420600-gaj', '420600-wjw', '420683-gaj', '420600', '420683', '00000000-0000-4000-8000-000004206000', 'res-pop'];
const INJECTION = [
  "' OR '1'='1", "'; DROP TABLE data_resource; --", '" OR ""="', '1; SELECT SLEEP(5)', '%', '_', '\\', '${7*7}', '{{7*7}}',
  '<script>alert(1)</script>', '../../../../etc/passwd', '{"$gt": ""}', 'null', 'undefined', '__proto__', 'constructor',
];
const UNICODE = ['数据资源目录', '𠮷野家', '\u202etxt.exe', 'e\u0301', '\u0000', '\uFEFF', '🚀'.repeat(50), 'Ａ全角', '\ud800'];
const DATES = ['2026-02-30', '1900-01-01', '9999-12-31', '2026-13-01', 'yesterday', '2026-12-01T00:00:00Z'];

function validLeaf(type: GraphQLInputType, name: string, r: Rng): unknown {
  const t = getNamedType(type);
  if (isEnumType(t)) return r.pick(t.getValues()).name;
  switch (t.name) {
    case 'Int': return name === 'first' ? r.pick([1, 5, 20]) : r.pick([0, 1, 2, 10]);
    case 'Float': return r.pick([0, 1, 1.5, 100]);
    case 'Boolean': return r.chance(0.5);
    case 'ID': return r.pick(SEED_IDS);
    case 'String': return /date|day|from|to|period|before|after/i.test(name) && name !== 'after' ? r.pick(['2026-12-01', '2027-06-30']) : r.pick(['测试', 'fuzz', '420600-gaj']);
    default: return r.pick(['x', 1, {}]); // custom scalars (JSON, DateTime...)
  }
}

function boundaryLeaf(type: GraphQLInputType, name: string, r: Rng): unknown {
  const t = getNamedType(type);
  if (isEnumType(t)) return r.pick(t.getValues()).name;
  switch (t.name) {
    case 'Int': return name === 'first' ? r.pick([1, 200, 201, 0, -1]) : r.pick([0, -1, 2147483647, -2147483648]);
    case 'Float': return r.pick([0, -0.0001, 1e308, -1e308, 2 ** 53]);
    case 'Boolean': return r.chance(0.5);
    case 'ID': return r.pick(['', ' ', 'x'.repeat(300), '00000000-0000-0000-0000-000000000000', ...UNICODE]);
    default: return r.pick(['', ' ', 'x'.repeat(r.pick([256, 4096, 70000])), ...UNICODE, ...DATES]);
  }
}

function hostileLeaf(type: GraphQLInputType, _name: string, r: Rng): unknown {
  const t = getNamedType(type);
  const wrong: unknown[] = [{ a: 1 }, [1, 2], true, 1.5, -1, 'abc', 2 ** 40, { $gt: '' }, [[[[[[[['deep']]]]]]]]];
  if (isEnumType(t)) return r.pick(['NOPE', 'drop table', 0, '', null, ...wrong]);
  return r.chance(0.6) ? r.pick(INJECTION) : r.pick(wrong);
}

function valueFor(type: GraphQLInputType, name: string, mode: Mode, r: Rng, depth = 0): unknown {
  const nullable = getNullableType(type) as GraphQLInputType;
  if (mode === 'hostile' && r.chance(0.15)) return isNonNullType(type) ? null : hostileLeaf(type, name, r);
  if (isListType(nullable)) {
    const n = mode === 'boundary' ? r.pick([0, 1, 50]) : 1;
    return Array.from({ length: n }, () => valueFor(nullable.ofType, name, mode, r, depth + 1));
  }
  if (isInputObjectType(nullable)) {
    if (depth > 4) return {};
    const out: Record<string, unknown> = {};
    for (const f of Object.values(nullable.getFields())) {
      if (isNonNullType(f.type) || r.chance(mode === 'valid' ? 0.4 : 0.6)) out[f.name] = valueFor(f.type, f.name, mode, r, depth + 1);
    }
    if (mode === 'hostile' && r.chance(0.3)) out[r.pick(['__proto__', 'unknownField', 'id; drop'])] = r.pick(INJECTION);
    return out;
  }
  if (mode === 'valid') return validLeaf(nullable, name, r);
  if (mode === 'boundary') return boundaryLeaf(nullable, name, r);
  return r.chance(0.5) ? hostileLeaf(nullable, name, r) : boundaryLeaf(nullable, name, r);
}

function typeString(t: GraphQLInputType): string { return String(t); }

/** Leaves of a type, one level into object fields without required arguments; connections through edges.node. */
function selection(type: GraphQLOutputType, depth = 0): string {
  const t = getNamedType(type);
  if (isLeafType(t)) return '';
  if (!isObjectType(t)) return '{ __typename }';
  const obj = t as GraphQLObjectType;
  const fields = Object.values(obj.getFields()).filter((f) => !f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined));
  const parts: string[] = ['__typename'];
  for (const f of fields) {
    const ft = getNamedType(f.type);
    if (isLeafType(ft)) { if (parts.length < 12) parts.push(f.name); continue; }
    if (depth < 1 && isObjectType(ft) && (obj.name.endsWith('Connection') || obj.name.endsWith('Edge') || parts.length < 8)) {
      const inner = selection(f.type, obj.name.endsWith('Connection') || obj.name.endsWith('Edge') ? depth : depth + 1);
      if (inner) parts.push(`${f.name} ${inner}`);
    }
  }
  return `{ ${parts.join(' ')} }`;
}

function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a: GraphQLArgument) => `$${a.name}: ${typeString(a.type)}`);
  const args = field.args.map((a) => `${a.name}: $${a.name}`);
  const sel = selection(field.type);
  return `${kind} Fuzz_${field.name}${vars.length ? `(${vars.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${sel} }`;
}

export interface Target { field: string; kind: 'query' | 'mutation'; query: string; args: readonly GraphQLArgument[] }

export function targets(schema = apiSchema()): Target[] {
  const out: Target[] = [];
  for (const [kind, root] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const) {
    for (const f of Object.values(root?.getFields() ?? {})) out.push({ field: f.name, kind, query: operation(kind, f), args: f.args });
  }
  return out;
}

export function variablesFor(t: Target, mode: Mode, r: Rng): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const a of t.args) {
    if (!isNonNullType(a.type) && r.chance(0.3)) continue;
    vars[a.name] = valueFor(a.type, a.name, mode, r);
  }
  return vars;
}

