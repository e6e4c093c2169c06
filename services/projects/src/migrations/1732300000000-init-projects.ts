import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitProjects1732300000000 implements MigrationInterface {
  name = 'InitProjects1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE digital_project (
      id CHAR(36) NOT NULL PRIMARY KEY,
      name VARCHAR(200) NOT NULL,
      description TEXT NULL,
      owner_department_id VARCHAR(40) NOT NULL,
      region_code VARCHAR(12) NOT NULL,
      plan_year INT NOT NULL,
      budget DECIMAL(14,2) NOT NULL,
      kind VARCHAR(16) NOT NULL,
      status VARCHAR(16) NOT NULL,
      submitted_at DATETIME(3) NULL,
      submitted_by VARCHAR(64) NULL,
      created_by VARCHAR(64) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_digital_project_owner_year_name (owner_department_id, plan_year, name),
      KEY idx_digital_project_region_year (region_code, plan_year),
      KEY idx_digital_project_region_status (region_code, status),
      CONSTRAINT ck_digital_project_budget CHECK (budget > 0)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE digital_project');
  }
}
