// k8s/base derives from kit's SERVICE_PORTS (issue 9): a subgraph added to the list and not to the manifests fails here.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

test('k8s/base (subgraph kustomizations, resources, SUBGRAPH_URL_* settings) is generated from SERVICE_PORTS and fresh', () => {
  const out = execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'k8s-subgraphs.mjs'), '--check'], { encoding: 'utf8', stdio: 'pipe' });
  expect(out).toBe('');
});
