import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const script = join(__dirname, '..', 'codegen.cjs');

test('web/src/gql/graphql.ts is generated from the current supergraph and operations (run `node web/codegen.cjs` when this fails)', () => {
  // A child node process: the codegen plugins load ESM-only packages that jest's CommonJS runtime cannot.
  const fresh = execFileSync(process.execPath, [script, '--print'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  expect(readFileSync(join(__dirname, 'gql', 'graphql.ts'), 'utf8')).toBe(fresh);
}, 60_000);
