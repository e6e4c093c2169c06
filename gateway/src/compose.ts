// `npm run compose`: builds every subgraph's schema in-process (nothing is listening or connected), composes the
// supergraph with @apollo/composition and writes gateway/supergraph.graphql. A test fails when the file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { commonConfig, createLogger, dataSourceFor, SERVICE_PORTS, type ServiceModule, type ServiceName } from '@gov/kit';
import type { Client } from '@temporalio/client';
import { Kind, parse, visit, type DocumentNode, type ObjectTypeDefinitionNode } from 'graphql';

export const SUPERGRAPH_PATH = join(__dirname, '..', 'supergraph.graphql');
const SERVICE_NAMES = Object.keys(SERVICE_PORTS) as ServiceName[];

function loadModule(name: ServiceName): ServiceModule {
   
  return (require(join(__dirname, '..', '..', 'services', name, 'dist', 'server.js')) as { service: ServiceModule }).service;
}

export async function subgraphSdl(name: ServiceName): Promise<string> {
  const mod = loadModule(name);
  const config = mod.loadConfig?.() ?? commonConfig();
  // Building the schema touches neither the database nor Temporal: an unconnected DataSource and no client suffice.
  const app = await mod.createServer({ ds: dataSourceFor(mod, config), temporal: undefined as unknown as Client, config, logger: createLogger('compose'), taskQueuePrefix: '' });
  await app.stop();
  if (!app.schema) throw new Error(`${name}: createServer did not expose its schema`);
  return printSubgraphSchema(app.schema);
}

const isEntity = (t: ObjectTypeDefinitionNode) => t.directives?.some((d) => d.name.value === 'key') ?? false;

/**
 * Partial answers: a field one subgraph adds to another subgraph's entity (Department.openDatasets from open-data)
 * is nullable in the supergraph, so a stopped open-data nulls that field only, not the department around it. The
 * owner of an entity is the subgraph that declares the most of its fields.
 */
export function nullableForeignFields<S extends { name: string; typeDefs: DocumentNode }>(subgraphs: S[]): S[] {
  const owners = new Map<string, { name: string; fields: Set<string> }>();
  for (const s of subgraphs) {
    for (const d of s.typeDefs.definitions) {
      if (d.kind !== Kind.OBJECT_TYPE_DEFINITION || !isEntity(d)) continue;
      const fields = new Set((d.fields ?? []).map((f) => f.name.value));
      const best = owners.get(d.name.value);
      if (!best || fields.size > best.fields.size) owners.set(d.name.value, { name: s.name, fields });
    }
  }
  return subgraphs.map((s) => ({
    ...s,
    typeDefs: visit(s.typeDefs, {
      ObjectTypeDefinition(node) {
        const owner = owners.get(node.name.value);
        if (!isEntity(node) || !owner || owner.name === s.name) return undefined;
        return {
          ...node,
          fields: node.fields?.map((f) => (owner.fields.has(f.name.value) || f.type.kind !== Kind.NON_NULL_TYPE ? f : { ...f, type: f.type.type })),
        };
      },
    }),
  }));
}

export async function composeSupergraph(): Promise<string> {
  const subgraphs = nullableForeignFields(await Promise.all(SERVICE_NAMES.map(async (name) => ({
    name, url: `http://127.0.0.1:${SERVICE_PORTS[name]}/graphql`, typeDefs: parse(await subgraphSdl(name)),
  }))));
  const result = composeServices(subgraphs);
  if (result.errors?.length) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl as string;
}

export function readSupergraph(): string {
  return readFileSync(SUPERGRAPH_PATH, 'utf8');
}

if (require.main === module) {
  composeSupergraph()
    .then((sdl) => { writeFileSync(SUPERGRAPH_PATH, sdl); console.log(`wrote ${SUPERGRAPH_PATH}`); process.exit(0); })
    .catch((e) => { console.error(e instanceof Error ? e.message : e); process.exit(1); });
}
