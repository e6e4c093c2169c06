import type { MigrationInterface, QueryRunner } from 'typeorm';

// Department webhooks and their delivery outbox (issue 14 §4); IF NOT EXISTS so an interrupted run reruns.
export class DepartmentWebhooks1764900000000 implements MigrationInterface {
  name = 'DepartmentWebhooks1764900000000';

  async up(q: QueryRunner): Promise<void> {
    const opts = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
    await q.query(`CREATE TABLE IF NOT EXISTS department_webhook (
      id CHAR(36) NOT NULL PRIMARY KEY, department_id VARCHAR(40) NOT NULL, region_code VARCHAR(12) NOT NULL,
      url VARCHAR(500) NOT NULL, description VARCHAR(200) NULL, kinds VARCHAR(200) NULL, secret TEXT NOT NULL,
      status VARCHAR(12) NOT NULL, created_by VARCHAR(64) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), disabled_at DATETIME(3) NULL,
      KEY idx_department_webhook_dept (department_id, status), KEY idx_department_webhook_region (region_code)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS webhook_delivery (
      id CHAR(36) NOT NULL PRIMARY KEY, webhook_id CHAR(36) NOT NULL, notification_id CHAR(36) NOT NULL,
      body LONGTEXT NOT NULL, status VARCHAR(12) NOT NULL, attempts INT NOT NULL DEFAULT 0,
      next_attempt_at DATETIME(3) NOT NULL, last_error VARCHAR(500) NULL, response_code INT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), delivered_at DATETIME(3) NULL,
      UNIQUE KEY uq_webhook_delivery (webhook_id, notification_id), KEY idx_webhook_delivery_due (status, next_attempt_at),
      KEY idx_webhook_delivery_hook (webhook_id, created_at)
    ) ${opts}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS webhook_delivery');
    await q.query('DROP TABLE IF EXISTS department_webhook');
  }
}
