import { composeSupergraph, readSupergraph } from './compose';

test('gateway/supergraph.graphql is the composition of the current subgraph schemas (run `npm run compose` when this fails)', async () => {
  const composed = await composeSupergraph();
  expect(readSupergraph()).toBe(composed);
}, 60_000);
