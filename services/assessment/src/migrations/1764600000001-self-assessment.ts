import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SelfAssessment1764600000001 implements MigrationInterface {
  name = 'SelfAssessment1764600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE self_assessment_report (
      id CHAR(36) NOT NULL PRIMARY KEY,
      department_id VARCHAR(40) NOT NULL,
      region_code VARCHAR(12) NOT NULL,
      year INT NOT NULL,
      content TEXT NOT NULL,
      due_on VARCHAR(10) NOT NULL,
      submitted_on VARCHAR(10) NOT NULL,
      late TINYINT(1) NOT NULL DEFAULT 0,
      submitted_by VARCHAR(64) NOT NULL,
      submitted_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_self_assessment_department_year (department_id, year),
      KEY idx_self_assessment_region_year (region_code, year)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE self_assessment_report');
  }
}
