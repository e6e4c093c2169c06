// Creates each subgraph's database if missing and applies its migrations; with --seed also loads demo data.
// Databases are named by GOV_DB_PREFIX (default gov_), so tests migrate throwaway ones the same way.
import { kit, loadService, serviceNames } from './services.mjs';

export async function migrateAll({ seed = false, log = console.log } = {}) {
  const { commonConfig, dataSourceFor, databaseName } = kit();
  const config = commonConfig();
  const mysql = await import('mysql2/promise');
  const admin = await mysql.createConnection({ host: config.mysql.host, port: config.mysql.port, user: config.mysql.user, password: config.mysql.password });
  try {
    for (const name of serviceNames()) {
      const mod = loadService(name);
      await admin.query(`CREATE DATABASE IF NOT EXISTS \`${databaseName(name)}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      const ds = dataSourceFor(mod, config);
      await ds.initialize();
      try {
        const applied = await ds.runMigrations({ transaction: 'each' });
        if (seed && mod.seed) await mod.seed(ds);
        log(`${databaseName(name)}: ${applied.length} migration(s) applied${seed && mod.seed ? ', demo data loaded' : ''}`);
      } finally {
        await ds.destroy();
      }
    }
  } finally {
    await admin.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  migrateAll({ seed: process.argv.includes('--seed') }).catch((e) => { console.error(e); process.exit(1); });
}
