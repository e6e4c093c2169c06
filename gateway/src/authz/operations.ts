// Every root operation of the supergraph as a callable GraphQL document with type-correct sample variables, so the
// authorization walk reaches each resolver's role gate without a hand-written query per operation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema, getNamedType, getNullableType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType,
  type GraphQLField, type GraphQLInputType, type GraphQLSchema,
} from 'graphql';

export interface RootOperation {
  /** `Query.<field>` or `Mutation.<field>` — the matrix key. */
  key: string;
  kind: 'query' | 'mutation';
  field: string;
  /** The subgraph that resolves it (from the supergraph's join__field). */
  subgraph: string;
  document: string;
  variables: Record<string, unknown>;
}

export function supergraphSchema(path = join(__dirname, '..', '..', 'supergraph.graphql')): GraphQLSchema {
  return buildSchema(readFileSync(path, 'utf8'), { assumeValidSDL: true });
}

const SAMPLE_SCALARS: Record<string, unknown> = {
  ID: '00000000-0000-4000-8000-00000000a0a0',
  String: 'authz-matrix',
  Int: 1,
  Float: 1,
  Boolean: false,
  DateTimeISO: '2026-06-01T00:00:00.000Z',
};

/** A value of `type` that passes GraphQL variable coercion: required input fields filled, optional ones left out. */
export function sampleValue(type: GraphQLInputType, path: string): unknown {
  const t = getNullableType(type) as GraphQLInputType;
  if (isListType(t)) return [sampleValue(t.ofType, `${path}[0]`)];
  if (isEnumType(t)) return t.getValues()[0].value;
  if (isScalarType(t)) {
    if (!(t.name in SAMPLE_SCALARS)) throw new Error(`no sample value for scalar ${t.name} at ${path}: add one to SAMPLE_SCALARS`);
    return SAMPLE_SCALARS[t.name];
  }
  if (isInputObjectType(t)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(t.getFields())) {
      if (isNonNullType(f.type) && f.defaultValue === undefined) out[f.name] = sampleValue(f.type, `${path}.${f.name}`);
    }
    return out;
  }
  throw new Error(`unsupported input type at ${path}`);
}

function subgraphOf(field: GraphQLField<unknown, unknown>): string {
  const join = field.astNode?.directives?.find((d) => d.name.value === 'join__field');
  const graph = join?.arguments?.find((a) => a.name.value === 'graph')?.value;
  return graph && graph.kind === 'EnumValue' ? graph.value.toLowerCase().replace(/_/g, '-') : '?';
}

export function rootOperations(schema: GraphQLSchema = supergraphSchema()): RootOperation[] {
  const ops: RootOperation[] = [];
  for (const [kind, type] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
      const variables = Object.fromEntries(required.map((a) => [a.name, sampleValue(a.type, a.name)]));
      const params = required.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
      const args = required.map((a) => `${a.name}: $${a.name}`).join(', ');
      const named = getNamedType(field.type);
      const selection = isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
      ops.push({
        key: `${type.name}.${field.name}`, kind, field: field.name, subgraph: subgraphOf(field), variables,
        document: `${kind} AuthzMatrix${params ? `(${params})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`,
      });
    }
  }
  return ops;
}
