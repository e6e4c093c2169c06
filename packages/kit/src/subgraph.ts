// The one way to build a subgraph: type-graphql 2 schema -> SDL with directives -> @apollo/subgraph, @link pinned here.
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { validate, type ValidationError } from 'class-validator';
import { Kind, parse, visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { authChecker } from './auth';
import { BadUserInputError, type FieldProblem } from './errors';

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@interfaceObject"])';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ReferenceResolvers = Record<string, (reference: any, context: any, info: any) => unknown>;

export interface SubgraphOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type name: how this subgraph loads an entity from its key. */
  references?: ReferenceResolvers;
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** class-validator on every input at the edge; problems become one BAD_USER_INPUT naming each field. */
export async function validateInput(arg: unknown): Promise<void> {
  const values = Array.isArray(arg) ? arg : [arg];
  const problems: FieldProblem[] = [];
  for (const [i, v] of values.entries()) {
    if (v === null || typeof v !== 'object') continue;
    const errs = await validate(v as object, { forbidUnknownValues: false, validationError: { target: false, value: false } });
    problems.push(...flatten(errs, Array.isArray(arg) ? String(i) : ''));
  }
  if (problems.length) throw new BadUserInputError(problems);
}

/**
 * Every Query root field nullable: when one subgraph is down (or one field fails) only its own fields are null, and
 * the rest of a multi-subgraph answer survives instead of the whole `data` becoming null. Mutations keep their types.
 */
export function nullableQueryRoots(doc: DocumentNode): DocumentNode {
  return visit(doc, {
    ObjectTypeDefinition(node) {
      if (node.name.value !== 'Query') return undefined;
      return { ...node, fields: node.fields?.map((f) => (f.type.kind === Kind.NON_NULL_TYPE ? { ...f, type: f.type.type } : f)) };
    },
  });
}

export async function buildSubgraph(opts: SubgraphOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: opts.resolvers,
    orphanedTypes: opts.orphanedTypes,
    authChecker,
    validateFn: (arg) => validateInput(arg),
    emitSchemaFile: false,
    skipCheck: true,
  });
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, resolveReference] of Object.entries(opts.references ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), __resolveReference: resolveReference } as never;
  }
  return buildSubgraphSchema({ typeDefs: nullableQueryRoots(parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`)), resolvers });
}
