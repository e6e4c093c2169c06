import type { MigrationInterface, QueryRunner } from 'typeorm';

// Indicators per period, versioned runs and their per-department results; the hand-written scores go (issue 15).
export class AssessmentRuns1764600000000 implements MigrationInterface {
  name = 'AssessmentRuns1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE assessment_indicator (
      id CHAR(36) NOT NULL PRIMARY KEY,
      period_id CHAR(36) NOT NULL,
      \`key\` VARCHAR(64) NOT NULL,
      name VARCHAR(64) NOT NULL,
      definition VARCHAR(500) NOT NULL,
      unit VARCHAR(8) NOT NULL,
      direction VARCHAR(16) NOT NULL,
      weight DECIMAL(6,4) NOT NULL,
      source VARCHAR(16) NOT NULL,
      basis VARCHAR(500) NOT NULL,
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_assessment_indicator_period_key (period_id, \`key\`),
      CONSTRAINT fk_assessment_indicator_period FOREIGN KEY (period_id) REFERENCES assessment_period (id),
      CONSTRAINT ck_assessment_indicator_weight CHECK (weight >= 0 AND weight <= 1)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE assessment_run (
      id CHAR(36) NOT NULL PRIMARY KEY,
      period_id CHAR(36) NOT NULL,
      region_code VARCHAR(12) NOT NULL,
      version INT NOT NULL,
      status VARCHAR(12) NOT NULL,
      indicators JSON NOT NULL,
      idempotency_key VARCHAR(64) NULL,
      requested_by VARCHAR(64) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      completed_at DATETIME(3) NULL,
      duration_ms INT NULL,
      failure VARCHAR(500) NULL,
      published_at DATETIME(3) NULL,
      published_by VARCHAR(64) NULL,
      UNIQUE KEY uq_assessment_run_version (period_id, version),
      UNIQUE KEY uq_assessment_run_idem (period_id, idempotency_key),
      CONSTRAINT fk_assessment_run_period FOREIGN KEY (period_id) REFERENCES assessment_period (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE assessment_result (
      id CHAR(36) NOT NULL PRIMARY KEY,
      run_id CHAR(36) NOT NULL,
      department_id VARCHAR(40) NOT NULL,
      department_name VARCHAR(128) NOT NULL,
      region_code VARCHAR(12) NOT NULL,
      total DECIMAL(8,2) NOT NULL,
      \`rank\` INT NOT NULL,
      scores JSON NOT NULL,
      UNIQUE KEY uq_assessment_result_run_department (run_id, department_id),
      KEY idx_assessment_result_department (department_id),
      CONSTRAINT fk_assessment_result_run FOREIGN KEY (run_id) REFERENCES assessment_run (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query('DROP TABLE department_score');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE assessment_result');
    await q.query('DROP TABLE assessment_run');
    await q.query('DROP TABLE assessment_indicator');
    await q.query(`CREATE TABLE department_score (
      id CHAR(36) NOT NULL PRIMARY KEY, period_id CHAR(36) NOT NULL, department_id VARCHAR(40) NOT NULL, region_code VARCHAR(12) NOT NULL,
      metric VARCHAR(64) NOT NULL, metric_value DECIMAL(12,4) NOT NULL, weight DECIMAL(5,4) NOT NULL, score DECIMAL(8,2) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE KEY uq_department_score (period_id, department_id, metric)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }
}
