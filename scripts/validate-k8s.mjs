// Renders a k8s overlay with kustomize and validates every object OFFLINE against the Kubernetes schemas shipped in the
// npm package kubernetes-models (ESM only, hence a script). Prints {"count":N,"invalid":[...]} as JSON.
//   node scripts/validate-k8s.mjs city
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ROOT } from './services.mjs';

const overlay = process.argv[2] ?? 'city';
const out = execFileSync(join(ROOT, '.tools', 'bin', 'kustomize'), ['build', join(ROOT, 'k8s', 'overlays', overlay)], { encoding: 'utf8', maxBuffer: 16 << 20 });
const docs = parseAllDocuments(out).map((d) => d.toJSON()).filter(Boolean);
const invalid = [];
for (const doc of docs) {
  try {
    const mod = await import(`kubernetes-models/${doc.apiVersion}/${doc.kind}`);
    new mod[doc.kind](doc).validate();
  } catch (e) {
    invalid.push(`${doc.kind}/${doc.metadata?.name}: ${String(e.message ?? e).slice(0, 300)}`);
  }
}
console.log(JSON.stringify({ count: docs.length, invalid }));
