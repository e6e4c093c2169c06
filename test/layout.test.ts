// One house (ARCHITECTURE.md, issue 9): every subgraph has the same tree, so a newcomer who knows one knows seven. Fails
// when a service's folder departs from it: a required file missing, or a loose file / folder the house does not have.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const SERVICES = readdirSync(join(ROOT, 'services')).filter((d) => statSync(join(ROOT, 'services', d)).isDirectory());

/** Files every service has at the top of src/. */
const REQUIRED_FILES = ['config.ts', 'context.ts', 'index.ts', 'seed.ts', 'server.ts'];
/** Folders every service has, with the files each must hold. */
const REQUIRED_DIRS: Record<string, string[]> = {
  entities: [], domain: [], resolvers: ['references.ts', 'visibility.ts'], migrations: ['index.ts'],
};
/** Folders a service has when it needs them: Temporal activities, HTTP routes beside GraphQL. */
const OPTIONAL_DIRS = ['activities', 'routes'];

test('kit\'s SERVICE_PORTS names exactly the folders under services/', () => {
  const kit = readFileSync(join(ROOT, 'packages/kit/src/run.ts'), 'utf8');
  const block = /SERVICE_PORTS = \{([^}]*)\}/.exec(kit)![1];
  const names = [...block.matchAll(/'?([a-z-]+)'?\s*:/g)].map((m) => m[1]);
  expect(names.sort()).toEqual([...SERVICES].sort());
});

describe.each(SERVICES)('services/%s follows the shared layout', (service) => {
  const src = join(ROOT, 'services', service, 'src');
  const entries = readdirSync(src);

  test('required files and folders are there', () => {
    const missing = [
      ...REQUIRED_FILES.filter((f) => !existsSync(join(src, f))),
      ...Object.entries(REQUIRED_DIRS).flatMap(([d, files]) => [
        ...(existsSync(join(src, d)) ? [] : [`${d}/`]),
        ...files.filter((f) => !existsSync(join(src, d, f))).map((f) => `${d}/${f}`),
      ]),
    ];
    expect(missing).toEqual([]);
  });

  test('nothing loose: every other entry of src/ belongs to the house', () => {
    const allowed = new Set([...REQUIRED_FILES, ...Object.keys(REQUIRED_DIRS), ...OPTIONAL_DIRS]);
    expect(entries.filter((e) => !allowed.has(e))).toEqual([]);
  });

  test('index.ts is three lines: runService(module)', () => {
    const lines = readFileSync(join(src, 'index.ts'), 'utf8').split('\n').filter((l) => l.trim());
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines.join('\n')).toContain('runService(service)');
  });

  test('no resolver file over 250 lines; dependencies point one way (domain and activities never import resolvers)', () => {
    const long = readdirSync(join(src, 'resolvers')).filter((f) => f.endsWith('.resolver.ts'))
      .map((f) => [f, readFileSync(join(src, 'resolvers', f), 'utf8').split('\n').length] as const).filter(([, n]) => n > 250);
    expect(long).toEqual([]);
    const backwards = ['domain', 'activities', 'routes'].filter((d) => existsSync(join(src, d))).flatMap((d) =>
      readdirSync(join(src, d)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && /from '\.\.\/resolvers\//.test(readFileSync(join(src, d, f), 'utf8'))).map((f) => `${d}/${f}`));
    expect(backwards).toEqual([]);
  });
});
