import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const script = join(__dirname, '..', 'codegen.cjs');
const GQL = join(__dirname, 'gql');

test('web/src/gql/ (types in graphql.ts, one module of documents per operations file) is generated from the current supergraph and operations (run `node web/codegen.cjs` when this fails)', () => {
  // A child node process: the codegen plugins load ESM-only packages that jest's CommonJS runtime cannot.
  const fresh = JSON.parse(execFileSync(process.execPath, [script, '--print'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as Record<string, string>;
  expect(Object.keys(fresh)).toContain('graphql.ts');
  // No stale module of a deleted operations file, no missing one.
  expect(readdirSync(GQL).filter((f) => f.endsWith('.ts')).sort()).toEqual(Object.keys(fresh).sort());
  for (const [file, text] of Object.entries(fresh)) expect({ file, text: readFileSync(join(GQL, file), 'utf8') }).toEqual({ file, text });
}, 60_000);
