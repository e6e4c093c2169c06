// 001 §16: the exchange pulls a provider's MySQL table on the resource's update cycle (a Temporal schedule): the same
// validation and all-or-nothing load as an upload. A real provider database on the test's MariaDB, a real schedule.
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { commonConfig, dataSourceFor, type ServiceModule } from '@gov/kit';
import type { DataSource } from 'typeorm';
import { codes, gql } from './support';
import { ROOT } from './stack';

const { service: sharing } = require(join(ROOT, 'services/sharing/dist/server.js')) as { service: ServiceModule };
const { populationRow } = require(join(ROOT, 'services/sharing/dist/domain/demo.js')) as { populationRow(i: number): Record<string, string> };
const POP = '00000000-0000-4000-8000-000004206000';
// Dropped with the run's other throwaway databases (test/global-teardown.ts).
const SOURCE_DB = `${process.env.GOV_DB_PREFIX}provider_gaj`;
const CONFIGURE = `mutation($input: PullSourceInput!) { configureScheduledPull(input: $input) { resourceId database table everyMinutes scheduleId } }`;

let ds: DataSource;
let temporal: Client;
beforeAll(async () => {
  ds = await dataSourceFor(sharing).initialize();
  temporal = new Client({ connection: await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' }) });
  await ds.query(`CREATE DATABASE IF NOT EXISTS \`${SOURCE_DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await ds.query(`CREATE TABLE \`${SOURCE_DB}\`.pop_src (姓名 VARCHAR(50), 公民身份号码 VARCHAR(18) PRIMARY KEY, 联系电话 VARCHAR(20), 住址 VARCHAR(200), 户号 VARCHAR(20))`);
  const rows = Array.from({ length: 4 }, (_, i) => populationRow(700_000 + i));
  await ds.query(`INSERT INTO \`${SOURCE_DB}\`.pop_src VALUES ?`, [rows.map((r) => [r.姓名, r.公民身份号码, r.联系电话, r.住址, r.户号])]);
});
afterAll(async () => {
  await temporal?.connection.close();
  await ds?.destroy();
});

test('001 §16: a scheduled pull loads the provider table into the exchange; only the providing department configures it', async () => {
  const m = commonConfig().mysql;
  const input = { resourceId: POP, host: m.host, port: m.port, database: SOURCE_DB, table: 'pop_src', username: m.user, password: m.password, everyMinutes: 1440 };
  expect(codes(await gql('city-scjg-admin', CONFIGURE, { input }))).toEqual(['FORBIDDEN']);
  const bad = await gql('city-gaj-admin', CONFIGURE, { input: { ...input, table: 'pop_src; DROP TABLE x' } });
  expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
  expect(bad.errors?.[0].extensions?.field).toBe('table');

  const res = await gql('city-gaj-admin', CONFIGURE, { input });
  expect(res.errors).toBeUndefined();
  const scheduleId = res.data!.configureScheduledPull.scheduleId as string;
  const handle = temporal.schedule.getHandle(scheduleId);
  try {
    expect((await handle.describe()).spec.intervals?.[0].every).toBe(1440 * 60_000);
    const stored = await ds.query('SELECT password FROM exchange_pull_source WHERE resource_id = ?', [POP]);
    expect(stored[0].password).toMatch(/^sm4:/); // the provider's password is kept encrypted

    await handle.trigger(); // run the pull now instead of waiting a day
    let load: Array<{ status: string; row_count: number }> = [];
    for (let i = 0; i < 300 && !load.length; i++) {
      load = await ds.query("SELECT status, row_count FROM exchange_load WHERE resource_id = ? AND format = 'mysql' AND status <> 'RUNNING'", [POP]);
      if (!load.length) await new Promise((r) => setTimeout(r, 200));
    }
    expect(load).toEqual([{ status: 'LOADED', row_count: 4 }]);
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM exchange_record r JOIN exchange_load l ON l.id = r.load_id WHERE l.format = \'mysql\'');
    expect(Number(n)).toBe(4);
  } finally {
    await handle.delete();
  }
});
