import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitAssessment1732300000000 implements MigrationInterface {
  name = 'InitAssessment1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE assessment_period (
      id CHAR(36) NOT NULL PRIMARY KEY,
      name VARCHAR(64) NOT NULL,
      region_code VARCHAR(12) NOT NULL,
      starts_on DATE NOT NULL,
      ends_on DATE NOT NULL,
      status VARCHAR(16) NOT NULL,
      created_by VARCHAR(64) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_assessment_period_region_name (region_code, name),
      KEY idx_assessment_period_region_start (region_code, starts_on),
      CONSTRAINT ck_assessment_period_dates CHECK (ends_on > starts_on)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE department_score (
      id CHAR(36) NOT NULL PRIMARY KEY,
      period_id CHAR(36) NOT NULL,
      department_id VARCHAR(40) NOT NULL,
      region_code VARCHAR(12) NOT NULL,
      metric VARCHAR(64) NOT NULL,
      metric_value DECIMAL(12,4) NOT NULL,
      weight DECIMAL(5,4) NOT NULL,
      score DECIMAL(8,2) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_department_score_metric (period_id, department_id, metric),
      KEY idx_department_score_period_department (period_id, department_id),
      KEY idx_department_score_department (department_id),
      CONSTRAINT fk_department_score_period FOREIGN KEY (period_id) REFERENCES assessment_period(id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE department_score');
    await q.query('DROP TABLE assessment_period');
  }
}
