import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitQuality1732240300000 implements MigrationInterface {
  name = 'InitQuality1732240300000';

  async up(q: QueryRunner): Promise<void> {
    // Department and resource ids live in gov_catalog: no foreign keys across databases.
    await q.query(`CREATE TABLE quality_issue (
      id CHAR(36) NOT NULL PRIMARY KEY,
      resource_id CHAR(36) NOT NULL,
      department_id VARCHAR(40) NOT NULL,
      region_code VARCHAR(12) NOT NULL,
      source VARCHAR(16) NOT NULL,
      reporter_department_id VARCHAR(40) NULL,
      description TEXT NOT NULL,
      status VARCHAR(16) NOT NULL,
      explanation TEXT NULL,
      opened_at DATETIME(3) NOT NULL,
      fixed_at DATETIME(3) NULL,
      created_by VARCHAR(64) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      KEY idx_quality_issue_resource (resource_id),
      KEY idx_quality_issue_department_status (department_id, status),
      KEY idx_quality_issue_region_status (region_code, status),
      KEY idx_quality_issue_reporter (reporter_department_id),
      KEY idx_quality_issue_created (created_at, id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE quality_issue');
  }
}
