// Typed settings of the open-data subgraph, parsed once at boot.
import { env, envInt } from '@gov/kit';

export interface OpenDataConfig {
  /** Where the public reaches this subgraph's HTTP routes (download URLs in the graph and in DCAT). */
  publicUrl: string;
  /** Rows a GraphQL file answer may carry; bigger files are fetched from their download URL. */
  graphqlFileMaxRows: number;
}

export function openDataConfig(): OpenDataConfig {
  const port = envInt('PORT', 4003);
  return {
    publicUrl: env('OPEN_DATA_PUBLIC_URL', `http://127.0.0.1:${port}`).replace(/\/$/, ''),
    graphqlFileMaxRows: envInt('OPEN_DATA_GRAPHQL_FILE_MAX_ROWS', 20_000),
  };
}
