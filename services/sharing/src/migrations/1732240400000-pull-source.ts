import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PullSource1732240400000 implements MigrationInterface {
  name = 'PullSource1732240400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE exchange_pull_source (
      resource_id CHAR(36) NOT NULL PRIMARY KEY,
      department_id VARCHAR(40) NOT NULL,
      region_code VARCHAR(12) NOT NULL,
      host VARCHAR(255) NOT NULL,
      port INT NOT NULL,
      db_name VARCHAR(64) NOT NULL,
      table_name VARCHAR(64) NOT NULL,
      username VARCHAR(64) NOT NULL,
      password TEXT NOT NULL,
      every_minutes INT NOT NULL,
      updated_by VARCHAR(64) NOT NULL,
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS exchange_pull_source');
  }
}
