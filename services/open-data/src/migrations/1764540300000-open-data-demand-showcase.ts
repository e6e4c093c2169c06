import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OpenDataDemandShowcase1764540300000 implements MigrationInterface {
  name = 'OpenDataDemandShowcase1764540300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE open_data_demand (
      id CHAR(36) NOT NULL PRIMARY KEY,
      requester_sub VARCHAR(64) NOT NULL,
      region_code VARCHAR(12) NOT NULL,
      title VARCHAR(200) NOT NULL,
      description TEXT NOT NULL,
      holder_department_id VARCHAR(40) NULL,
      request_count INT UNSIGNED NOT NULL,
      status VARCHAR(32) NOT NULL,
      reason TEXT NULL,
      reconsideration_request TEXT NULL,
      reconsideration_answer TEXT NULL,
      dataset_id CHAR(36) NULL,
      idempotency_key VARCHAR(64) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_open_data_demand_idem (requester_sub, idempotency_key),
      KEY idx_open_data_demand_region (region_code, status, request_count)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    // One support per user and demand: the count cannot be inflated by repeating.
    await q.query(`CREATE TABLE open_data_demand_support (
      demand_id CHAR(36) NOT NULL,
      user_sub VARCHAR(64) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (demand_id, user_sub)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE open_data_showcase (
      id CHAR(36) NOT NULL PRIMARY KEY,
      submitter_sub VARCHAR(64) NOT NULL,
      submitter VARCHAR(64) NOT NULL,
      name VARCHAR(200) NOT NULL,
      description TEXT NOT NULL,
      link VARCHAR(500) NOT NULL,
      dataset_ids JSON NOT NULL,
      status VARCHAR(16) NOT NULL,
      featured BOOLEAN NOT NULL DEFAULT FALSE,
      reviewed_by VARCHAR(64) NULL,
      review_note TEXT NULL,
      idempotency_key VARCHAR(64) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_open_data_showcase_idem (submitter_sub, idempotency_key),
      KEY idx_open_data_showcase_status (status, featured, created_at)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE open_data_showcase');
    await q.query('DROP TABLE open_data_demand_support');
    await q.query('DROP TABLE open_data_demand');
  }
}
