import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 004 §9: recorded law/function/system changes and the 15-working-day filing deadline of their change request. */
export class FunctionChange1764600100000 implements MigrationInterface {
  name = 'FunctionChange1764600100000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE function_change (
      id CHAR(36) NOT NULL PRIMARY KEY,
      resource_id CHAR(36) NOT NULL,
      department_id VARCHAR(40) NOT NULL,
      region_code VARCHAR(12) NOT NULL,
      basis VARCHAR(24) NOT NULL,
      changed_on CHAR(10) NOT NULL,
      description TEXT NOT NULL,
      status VARCHAR(16) NOT NULL,
      filing_deadline DATETIME(3) NULL,
      filing_deadline_official BOOLEAN NOT NULL DEFAULT TRUE,
      change_request_id CHAR(36) NULL,
      escalated_at DATETIME(3) NULL,
      recorded_by VARCHAR(64) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY idx_function_change_resource (resource_id, status),
      KEY idx_function_change_dept (department_id, status)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS function_change');
  }
}
