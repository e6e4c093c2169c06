// The Kubernetes manifests (issue 9 §4, issue 16 §7): generated from SERVICE_PORTS, rendered with kustomize (built by
// infra/local/kustomize.sh), and validated OFFLINE against the Kubernetes schemas shipped in the npm package
// kubernetes-models (a validator that downloads schemas at run time cannot work here).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

const ROOT = join(__dirname, '..');
const KUSTOMIZE = join(ROOT, '.tools', 'bin', 'kustomize');
const OVERLAYS = ['city', 'county'];

type Doc = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; spec?: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

function render(overlay: string): Doc[] {
  const out = execFileSync(KUSTOMIZE, ['build', join(ROOT, 'k8s', 'overlays', overlay)], { encoding: 'utf8', maxBuffer: 16 << 20 });
  return parseAllDocuments(out).map((d) => d.toJSON() as Doc).filter(Boolean);
}


test('k8s/base (subgraph kustomizations, resources, SUBGRAPH_URL_* settings) is generated from SERVICE_PORTS and fresh', () => {
  const out = execFileSync(process.execPath, [join(ROOT, 'scripts', 'k8s-subgraphs.mjs'), '--check'], { encoding: 'utf8', stdio: 'pipe' });
  expect(out).toBe('');
});

describe.each(OVERLAYS)('overlay %s', (overlay) => {
  let docs: Doc[];
  beforeAll(() => {
    if (!existsSync(KUSTOMIZE)) throw new Error(`${KUSTOMIZE} is missing: infra/local/up (run by npm test) builds it`);
    docs = render(overlay);
  });

  test('renders, and every object is valid against the Kubernetes schemas (offline)', () => {
    // kubernetes-models is ESM only: the validation runs in its own node process (scripts/validate-k8s.mjs)
    const result = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'scripts', 'validate-k8s.mjs'), overlay], { encoding: 'utf8' })) as { count: number; invalid: string[] };
    expect(result.count).toBe(docs.length);
    expect(docs.length).toBeGreaterThan(30);
    expect(result.invalid).toEqual([]);
  });

  test('one Deployment, Service, HPA and PodDisruptionBudget per subgraph, named and ported as in SERVICE_PORTS', () => {
    const { SERVICE_PORTS } = require(join(ROOT, 'packages/kit/dist/index.js')) as { SERVICE_PORTS: Record<string, number> }; // eslint-disable-line @typescript-eslint/no-require-imports
    const named = (kind: string, name: string) => docs.find((d) => d.kind === kind && d.metadata.name === name);
    for (const [name, port] of Object.entries(SERVICE_PORTS)) {
      const dep = named('Deployment', name);
      const c = dep?.spec.template.spec.containers[0];
      expect({ name, command: c?.command, port: c?.ports[0].containerPort, selector: dep?.spec.selector.matchLabels['app.kubernetes.io/name'] })
        .toEqual({ name, command: ['node', `services/${name}/dist/index.js`], port, selector: name });
      expect(named('Service', name)?.spec.ports[0].port).toBe(port);
      expect(named('HorizontalPodAutoscaler', name)?.spec.scaleTargetRef.name).toBe(name);
      expect(named('PodDisruptionBudget', name)?.spec.selector.matchLabels['app.kubernetes.io/name']).toBe(name);
    }
  });

  test('every container has requests, a memory limit and probes; a migration Job; subgraphs closed to the outside', () => {
    const lacking = docs.filter((d) => d.kind === 'Deployment').flatMap((d) => d.spec.template.spec.containers
      .filter((c: any) => !c.resources?.requests?.cpu || !c.resources?.limits?.memory || !c.livenessProbe || !c.readinessProbe) // eslint-disable-line @typescript-eslint/no-explicit-any
      .map((c: { name: string }) => `${d.metadata.name}/${c.name}`));
    expect(lacking).toEqual([]);
    expect(docs.find((d) => d.kind === 'Job' && d.metadata.name === 'migrate')?.spec.template.spec.containers[0].command).toEqual(['node', 'scripts/migrate.mjs']);
    const policies = docs.filter((d) => d.kind === 'NetworkPolicy');
    expect(policies.find((p) => p.metadata.name === 'default-deny-ingress')?.spec.podSelector).toEqual({});
    const subgraphs = policies.find((p) => p.metadata.name === 'subgraphs-from-platform')!;
    expect(subgraphs.spec.ingress[0].from.map((f: { podSelector: { matchLabels: Record<string, string> } }) => f.podSelector.matchLabels['app.kubernetes.io/component']).sort())
      .toEqual(['gateway', 'subgraph']);
    // counties are tenants of one deployment (000 §17 市县一体化); an overlay is an environment with its own namespace
    expect(new Set(docs.filter((d) => d.kind !== 'Namespace').map((d) => d.metadata.namespace))).toEqual(new Set([`gov-${overlay}`]));
  });
});
