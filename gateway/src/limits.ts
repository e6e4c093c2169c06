// Shape limits checked while validating (before any cost or planning): depth, aliases, directives. Each message names
// the operation (or says it is anonymous), what was counted and the limit.
import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';

export interface ShapeLimits { maxDepth: number; maxAliases: number; maxDirectives: number }

function depthOf(set: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): number {
  if (!set) return 0;
  let max = 0;
  for (const sel of set.selections) {
    let d = 0;
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith('__')) continue; // introspection is governed by the introspection switch
      d = sel.selectionSet ? 1 + depthOf(sel.selectionSet, fragments, seen) : 1;
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      d = depthOf(sel.selectionSet, fragments, seen);
    } else {
      const name = sel.name.value;
      const f = fragments.get(name);
      if (!f || seen.has(name)) continue; // unknown or cyclic fragments are reported by the standard rules
      seen.add(name);
      d = depthOf(f.selectionSet, fragments, seen);
      seen.delete(name);
    }
    max = Math.max(max, d);
  }
  return max;
}

export function shapeLimitRule(limits: ShapeLimits) {
  return (context: ValidationContext): ASTVisitor => {
    const doc = context.getDocument();
    const fragments = new Map(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
    let aliases = 0;
    let directives = 0;
    return {
      Field(node) { if (node.alias) aliases += 1; },
      Directive() { directives += 1; },
      OperationDefinition(node) {
        const name = node.name ? `operation "${node.name.value}"` : 'the anonymous operation';
        const depth = depthOf(node.selectionSet, fragments, new Set());
        if (depth > limits.maxDepth) {
          context.reportError(new GraphQLError(`${name} is ${depth} levels deep; the limit is ${limits.maxDepth}`, { nodes: [node], extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth' } }));
        }
      },
      Document: {
        leave() {
          if (aliases > limits.maxAliases) {
            context.reportError(new GraphQLError(`the document uses ${aliases} aliases; the limit is ${limits.maxAliases}`, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases' } }));
          }
          if (directives > limits.maxDirectives) {
            context.reportError(new GraphQLError(`the document uses ${directives} directives; the limit is ${limits.maxDirectives}`, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'directives' } }));
          }
        },
      },
    };
  };
}
