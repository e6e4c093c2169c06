// 000 §13, §18 mount health probed by the platform: the probe workflow (run by a Temporal schedule in a deployment;
// started here directly) records each mount's availability, and three failures in a row open an outage the consumer
// sees on the resource; the provider still names the alternative.
import { randomUUID } from 'node:crypto';
import { Connection as TemporalConnection, Client as TemporalClient } from '@temporalio/client';
import { commonConfig } from '@gov/kit';
import { workflowQueue } from '@gov/workflows';
import { ok } from './support';
import { publishedEntry } from './catalog-helpers';

const MOUNT = 'mutation($id: ID!, $input: MountInput!) { mountDataResource(id: $id, input: $input) { id mountHealth } }';
const HEALTH = 'query($id: ID!) { dataResource(id: $id) { mountHealth mountProbeFailures lastProbedAt lastProbeError outageReason outageAlternative } }';
const OUTAGE = 'mutation($id: ID!, $input: OutageInput!) { declareOutage(id: $id, input: $input) { mountHealth outageAlternative } }';

describe('mount health probed on a schedule (000 §13, §18)', () => {
  let connection: TemporalConnection;
  let client: TemporalClient;
  beforeAll(async () => {
    connection = await TemporalConnection.connect({ address: commonConfig().temporal.address });
    client = new TemporalClient({ connection, namespace: commonConfig().temporal.namespace });
  });
  afterAll(async () => { await connection?.close(); });

  const probeRound = () => {
    const prefix = process.env.TEMPORAL_TASK_QUEUE_PREFIX ?? '';
    return client.workflow.execute('mountHealthWorkflow', {
      workflowId: `${prefix}mount-health-test-${randomUUID().slice(0, 8)}`, taskQueue: workflowQueue(prefix), args: [], workflowExecutionTimeout: '2 minutes',
    }) as Promise<{ probed: number; down: number; outagesOpened: number }>;
  };

  test('000 §18: an API mount failing three probes in a row goes into outage; the consumer sees it; the provider names the alternative', async () => {
    const id = await publishedEntry('city-gaj-admin', 'city-authority', {}, 'PROBE');
    await ok('city-gaj-admin', MOUNT, { id, input: { kind: 'API', endpoint: 'http://127.0.0.1:9/unreachable' } });

    await probeRound();
    expect((await ok('city-wjw-user', HEALTH, { id })).dataResource).toMatchObject({ mountHealth: 'DOWN', mountProbeFailures: 1, outageReason: null });
    await probeRound();
    expect((await ok('city-wjw-user', HEALTH, { id })).dataResource).toMatchObject({ mountHealth: 'DOWN', mountProbeFailures: 2 });
    const third = await probeRound();
    expect(third.outagesOpened).toBeGreaterThanOrEqual(1);
    const seen = (await ok('city-wjw-user', HEALTH, { id })).dataResource;
    expect(seen).toMatchObject({ mountHealth: 'OUTAGE', mountProbeFailures: 3, outageAlternative: null });
    expect(seen.outageReason).toMatch(/^automatic: 3 consecutive failed probes/);
    expect(seen.lastProbeError).toBeTruthy();

    // an outage is no longer probed; the provider still owes consumers the alternative
    await probeRound();
    expect((await ok('city-wjw-user', HEALTH, { id })).dataResource.mountProbeFailures).toBe(3);
    const declared = (await ok('city-gaj-admin', OUTAGE, { id, input: { reason: '接口服务器故障', alternative: '电子表单申请' } })).declareOutage;
    expect(declared).toEqual({ mountHealth: 'OUTAGE', outageAlternative: '电子表单申请' });
  });
});
