// After `npm start` brought the graph up: each region's authority runs and publishes the seeded 2026 period's
// assessment once (idempotency key `demo-start`), so the demo shows computed numbers, never hand-written ones.
// Best effort: a failure is reported and the graph keeps running.
const PERIOD = (region) => `00000000-0000-4000-a000-000000${region}`; // services/assessment/src/seed.ts

async function token(kc, username, password) {
  const res = await fetch(`${kc}/realms/gov/protocol/openid-connect/token`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'gov-cli', username, password }),
  });
  if (!res.ok) throw new Error(`token for ${username}: HTTP ${res.status}`);
  return (await res.json()).access_token;
}

async function gql(url, tok, query, variables) {
  const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = await res.json();
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data;
}

export async function demoAssessment({ gatewayUrl, kc, password, regions }) {
  const lines = [];
  for (const { code, prefix } of regions) {
    try {
      const tok = await token(kc, `${prefix}-authority`, password);
      const { runAssessment: run } = await gql(gatewayUrl, tok, 'mutation($p: ID!, $k: String) { runAssessment(periodId: $p, idempotencyKey: $k) { id version status } }', { p: PERIOD(code), k: 'demo-start' });
      let done = run;
      for (let i = 0; i < 150 && done.status === 'RUNNING'; i++) {
        await new Promise((r) => setTimeout(r, 200));
        done = (await gql(gatewayUrl, tok, 'query($id: ID!) { assessmentRun(id: $id) { id version status durationMs publishedAt } }', { id: run.id })).assessmentRun;
      }
      if (done.status !== 'COMPLETED') throw new Error(`run ${run.id} is ${done.status}`);
      if (!done.publishedAt) await gql(gatewayUrl, tok, 'mutation($id: ID!) { publishAssessmentRun(id: $id) { id } }', { id: run.id });
      lines.push(`  Assessment ${code} 2026年度: version ${done.version} computed in ${done.durationMs ?? '?'} ms and published`);
    } catch (e) {
      lines.push(`  Assessment ${code}: not run (${e.message}); run it with runAssessment`);
    }
  }
  return lines.join('\n');
}
