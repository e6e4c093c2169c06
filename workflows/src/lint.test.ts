import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
// ESLint loads its flat config with a dynamic import, which jest's VM cannot do: run the real CLI instead.
function eslint(args: string[], stdin?: string): Array<{ ruleId: string | null; severity: number }> {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/eslint/bin/eslint.js'), '-f', 'json', ...args], { cwd: ROOT, input: stdin, encoding: 'utf8' });
  return (JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string | null; severity: number }> }>).flatMap((f) => f.messages);
}
const CODE = "import { readFileSync } from 'node:fs';\nexport const t = () => Date.now() + readFileSync('x').length;\n";

describe('the lint rule that keeps workflow code deterministic', () => {
  test('bans Date.now() and Node built-ins in workflow files', () => {
    const rules = eslint(['--stdin', '--stdin-filename', 'workflows/src/example/workflow.ts'], CODE).map((m) => m.ruleId);
    expect(rules).toEqual(expect.arrayContaining(['no-restricted-imports', 'no-restricted-properties']));
  });
  test('leaves the same code alone outside workflow files', () => {
    const rules = eslint(['--stdin', '--stdin-filename', 'services/catalog/src/example.ts'], CODE).map((m) => m.ruleId);
    expect(rules).not.toContain('no-restricted-imports');
    expect(rules).not.toContain('no-restricted-properties');
  });
  test('the real workflow files pass', () => {
    expect(eslint(['workflows/src']).filter((m) => m.severity === 2)).toEqual([]);
  });
});
