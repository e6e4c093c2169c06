import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitSharing1732240100000 implements MigrationInterface {
  name = 'InitSharing1732240100000';

  async up(q: QueryRunner): Promise<void> {
    // Department and resource ids live in gov_catalog: no foreign keys across databases.
    await q.query(`CREATE TABLE share_application (
      id CHAR(36) NOT NULL PRIMARY KEY,
      resource_id CHAR(36) NOT NULL,
      provider_department_id VARCHAR(40) NOT NULL,
      provider_region_code VARCHAR(12) NOT NULL,
      consumer_department_id VARCHAR(40) NOT NULL,
      region_code VARCHAR(12) NOT NULL,
      requested_items JSON NOT NULL,
      scenario VARCHAR(200) NOT NULL,
      purpose TEXT NOT NULL,
      usage_mode VARCHAR(16) NOT NULL,
      period_from DATE NOT NULL,
      period_to DATE NOT NULL,
      status VARCHAR(16) NOT NULL,
      idempotency_key VARCHAR(64) NULL,
      created_by VARCHAR(64) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_share_application_idempotency (consumer_department_id, idempotency_key),
      KEY idx_share_application_resource (resource_id),
      KEY idx_share_application_provider (provider_department_id),
      KEY idx_share_application_region (region_code),
      KEY idx_share_application_provider_region (provider_region_code),
      KEY idx_share_application_created (created_at, id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE share_application');
  }
}
