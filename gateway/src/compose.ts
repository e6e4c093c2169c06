// `npm run compose`: builds every subgraph's schema in-process (nothing is listening or connected), composes the
// supergraph with @apollo/composition and writes gateway/supergraph.graphql. A test fails when the file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { commonConfig, createLogger, dataSourceFor, SERVICE_PORTS, type ServiceModule, type ServiceName } from '@gov/kit';
import type { Client } from '@temporalio/client';
import { parse } from 'graphql';

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

export async function composeSupergraph(): Promise<string> {
  const subgraphs = await Promise.all(SERVICE_NAMES.map(async (name) => ({
    name, url: `http://127.0.0.1:${SERVICE_PORTS[name]}/graphql`, typeDefs: parse(await subgraphSdl(name)),
  })));
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
