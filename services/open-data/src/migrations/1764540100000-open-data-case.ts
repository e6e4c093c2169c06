import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OpenDataCase1764540100000 implements MigrationInterface {
  name = 'OpenDataCase1764540100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE open_data_case (
      id CHAR(36) NOT NULL PRIMARY KEY,
      type VARCHAR(16) NOT NULL,
      category VARCHAR(32) NOT NULL,
      dataset_id CHAR(36) NOT NULL,
      publisher_department_id VARCHAR(40) NOT NULL,
      region_code VARCHAR(12) NOT NULL,
      submitter_sub VARCHAR(64) NOT NULL,
      submitter VARCHAR(64) NOT NULL,
      description TEXT NOT NULL,
      evidence JSON NOT NULL,
      status VARCHAR(16) NOT NULL,
      answer_deadline DATETIME(3) NULL,
      overdue BOOLEAN NOT NULL DEFAULT FALSE,
      suspended_at DATETIME(3) NULL,
      outcome VARCHAR(32) NULL,
      answer TEXT NULL,
      answered_by VARCHAR(64) NULL,
      answered_at DATETIME(3) NULL,
      quality_issue_id CHAR(36) NULL,
      idempotency_key VARCHAR(64) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_open_data_case_idem (submitter_sub, idempotency_key),
      KEY idx_open_data_case_publisher (publisher_department_id, status, created_at),
      KEY idx_open_data_case_dataset (dataset_id, created_at)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE open_data_case');
  }
}
