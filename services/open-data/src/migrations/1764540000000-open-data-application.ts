import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OpenDataApplication1764540000000 implements MigrationInterface {
  name = 'OpenDataApplication1764540000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE open_data_application (
      id CHAR(36) NOT NULL PRIMARY KEY,
      dataset_id CHAR(36) NOT NULL,
      publisher_department_id VARCHAR(40) NOT NULL,
      region_code VARCHAR(12) NOT NULL,
      applicant_sub VARCHAR(64) NOT NULL,
      applicant VARCHAR(64) NOT NULL,
      applicant_kind VARCHAR(16) NOT NULL,
      applicant_name VARCHAR(200) NOT NULL,
      demand_type VARCHAR(64) NOT NULL,
      description TEXT NOT NULL,
      domain VARCHAR(64) NOT NULL,
      format VARCHAR(32) NOT NULL,
      purpose TEXT NOT NULL,
      items JSON NULL,
      period_from DATE NOT NULL,
      period_to DATE NOT NULL,
      status VARCHAR(16) NOT NULL,
      decision_deadline DATETIME(3) NULL,
      overdue BOOLEAN NOT NULL DEFAULT FALSE,
      decided_by VARCHAR(64) NULL,
      decision_reason TEXT NULL,
      decided_at DATETIME(3) NULL,
      idempotency_key VARCHAR(64) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_open_data_application_idem (applicant_sub, idempotency_key),
      KEY idx_open_data_application_publisher (publisher_department_id, status, created_at),
      KEY idx_open_data_application_applicant (applicant_sub, created_at)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE open_data_application');
  }
}
