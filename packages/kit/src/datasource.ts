import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import type { CommonConfig } from './config';

export interface DataSourceOptions {
  database: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  mysql: CommonConfig['mysql'];
  poolSize?: number;
  logging?: boolean;
}

/** TypeORM over mysql2, schema by migrations only (never synchronize), UTC on the wire, utf8mb4 for Chinese text. */
export function createDataSource(opts: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'mysql',
    host: opts.mysql.host,
    port: opts.mysql.port,
    username: opts.mysql.user,
    password: opts.mysql.password,
    database: opts.database,
    entities: opts.entities,
    migrations: opts.migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    poolSize: opts.poolSize ?? 10,
    logging: opts.logging ? ['error', 'warn', 'query'] : ['error'],
  });
}

/** Connects, then brings the schema up to date. Idempotent: applied migrations are skipped. */
export async function openDatabase(ds: DataSource): Promise<DataSource> {
  if (!ds.isInitialized) await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return ds;
}

/** Drops every database whose name starts with `prefix` (throwaway test and bench runs: `gov_test_<run>_…`). */
export async function dropDatabases(prefix: string, mysqlConfig: CommonConfig['mysql']): Promise<void> {
  if (!/^gov_(test|bench|soak)_/.test(prefix)) throw new Error(`refusing to drop databases of prefix ${prefix}: only throwaway runs`);
  const mysql = await import('mysql2/promise');
  const conn = await mysql.createConnection({ host: mysqlConfig.host, port: mysqlConfig.port, user: mysqlConfig.user, password: mysqlConfig.password });
  try {
    const [rows] = await conn.query('SHOW DATABASES LIKE ?', [`${prefix.replace(/_/g, '\\_')}%`]);
    for (const row of rows as Array<Record<string, string>>) await conn.query(`DROP DATABASE \`${Object.values(row)[0]}\``);
  } finally {
    await conn.end();
  }
}
