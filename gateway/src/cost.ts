// The cost limit, checked once the operation and its variables are known and before the query is planned:
// variables are coerced first (a wrong type is the caller's error, 400, naming the variable), every `first` must lie
// in 1..PAGE_MAX, and every list counts: a paged list its `first`, a connection's edges its parent's `first`, an
// unpaged list its declared bound (LIST_BOUNDS, measured on the seeded province; DEFAULT_LIST_BOUND otherwise).
// Cost = objects that may be returned: each object 1, scalars 0, a list multiplies its items' cost by its bound.
import { BadUserInputError, PAGE_MAX } from '@gov/kit';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { getNamedType, getNullableType, getVariableValues, isLeafType, isListType, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

/** Items an unpaged list can hold, per `Type.field` (declared, generous: a province has some 200 regions, a region under 100 departments). */
export const LIST_BOUNDS: Record<string, number> = {
  'Query.regions': 200,
  'Query.departments': 200,
  'Region.departments': 100,
};
export const DEFAULT_LIST_BOUND = 20;

/** Objects cost 1 plus their children; a scalar field costs nothing (it comes with its row). */
export const objectEstimator: ComplexityEstimator = ({ field, childComplexity }) =>
  (isLeafType(getNamedType(field.type)) ? 0 : 1 + childComplexity);

export const listEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const child = Math.max(1, childComplexity);
  if (args.first !== undefined) {
    const n = args.first as number;
    if (!Number.isInteger(n) || n < 1 || n > PAGE_MAX) {
      throw BadUserInputError.request('first', `${field.name}(first: ${n}): first must be between 1 and ${PAGE_MAX}`);
    }
    return 1 + n * child;
  }
  if (!isListType(getNullableType(field.type))) return undefined as unknown as number;
  if (isLeafType(getNamedType(field.type))) return 1; // a list of scalars is one column's value
  // A connection's edges are bounded by the `first` already counted on the connection field.
  if (type.name.endsWith('Connection')) return 1 + child;
  const bound = LIST_BOUNDS[`${type.name}.${field.name}`] ?? DEFAULT_LIST_BOUND;
  return 1 + bound * child;
};

/** The variable a coercion message is about: `... at "input.items[0].type"` or `Variable "$first" ...`. */
function fieldOf(message: string): string {
  return /at "([^"]+)"/.exec(message)?.[1] ?? /Variable "\$([^"]+)"/.exec(message)?.[1] ?? 'variables';
}

export function operationCost(schema: GraphQLSchema, operation: OperationDefinitionNode, query: import('graphql').DocumentNode,
  variables: Record<string, unknown>, operationName?: string): number {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) {
    throw new BadUserInputError(coerced.errors.map((e) => ({ field: fieldOf(e.message), reason: e.message })), 400);
  }
  return getComplexity({
    schema, query, variables: coerced.coerced, operationName,
    estimators: [listEstimator, objectEstimator],
  });
}

export function costLimit<C extends BaseContext>(max: number): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          if (!operation) return;
          const vars = request.variables;
          if (vars !== undefined && vars !== null && (typeof vars !== 'object' || Array.isArray(vars))) {
            throw BadUserInputError.request('variables', 'variables must be a JSON object');
          }
          const cost = operationCost(schema, operation, document, vars ?? {}, request.operationName ?? undefined);
          if (cost > max) {
            throw BadUserInputError.request('query', `query cost ${cost} exceeds the limit ${max}: ask for smaller pages (first) or fewer nested lists`);
          }
        },
      };
    },
  };
}
