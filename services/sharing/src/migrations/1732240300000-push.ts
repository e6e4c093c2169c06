import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Push1732240300000 implements MigrationInterface {
  name = 'Push1732240300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE push_endpoint (
      id CHAR(36) NOT NULL PRIMARY KEY,
      grant_id CHAR(36) NOT NULL,
      resource_id CHAR(36) NOT NULL,
      url VARCHAR(500) NOT NULL,
      secret TEXT NOT NULL,
      created_by VARCHAR(64) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_push_endpoint_grant (grant_id),
      KEY idx_push_endpoint_resource (resource_id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE push_delivery (
      id VARCHAR(120) NOT NULL PRIMARY KEY,
      endpoint_id CHAR(36) NOT NULL,
      load_id CHAR(36) NOT NULL,
      status VARCHAR(12) NOT NULL,
      attempts INT NOT NULL DEFAULT 0,
      records INT NOT NULL DEFAULT 0,
      detail TEXT NULL,
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      KEY idx_push_delivery_endpoint (endpoint_id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS push_delivery');
    await q.query('DROP TABLE IF EXISTS push_endpoint');
  }
}
