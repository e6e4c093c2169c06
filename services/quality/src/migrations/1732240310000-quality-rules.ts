import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Rules, inspection runs, the issue workflow's fields and objections (000 §14, §26). */
export class QualityRules1732240310000 implements MigrationInterface {
  name = 'QualityRules1732240310000';

  async up(q: QueryRunner): Promise<void> {
    const tail = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
    await q.query(`CREATE TABLE quality_rule (
      id CHAR(36) NOT NULL PRIMARY KEY,
      resource_id CHAR(36) NOT NULL, department_id VARCHAR(40) NOT NULL, region_code VARCHAR(12) NOT NULL,
      code VARCHAR(120) NOT NULL, version INT NOT NULL, check_kind VARCHAR(16) NOT NULL, dimension VARCHAR(16) NOT NULL,
      items JSON NOT NULL, params JSON NOT NULL, active TINYINT(1) NOT NULL, created_by VARCHAR(64) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_quality_rule_version (resource_id, code, version)
    ) ${tail}`);
    await q.query(`CREATE TABLE quality_run (
      id CHAR(36) NOT NULL PRIMARY KEY,
      resource_id CHAR(36) NOT NULL, department_id VARCHAR(40) NOT NULL, region_code VARCHAR(12) NOT NULL,
      trigger_kind VARCHAR(16) NOT NULL, status VARCHAR(12) NOT NULL, record_count INT NOT NULL DEFAULT 0,
      score DECIMAL(5,1) NULL, dimension_scores JSON NULL, duration_ms INT NULL, error TEXT NULL, requested_by VARCHAR(64) NOT NULL,
      started_at DATETIME(3) NOT NULL, finished_at DATETIME(3) NULL,
      KEY idx_quality_run_resource (resource_id, started_at), KEY idx_quality_run_department (department_id, started_at)
    ) ${tail}`);
    await q.query(`CREATE TABLE quality_run_rule (
      run_id CHAR(36) NOT NULL, rule_code VARCHAR(120) NOT NULL, rule_version INT NOT NULL, check_kind VARCHAR(16) NOT NULL,
      dimension VARCHAR(16) NOT NULL, checked INT NOT NULL, failed INT NOT NULL, failing_ids JSON NOT NULL,
      PRIMARY KEY (run_id, rule_code)
    ) ${tail}`);
    await q.query(`ALTER TABLE quality_issue
      ADD COLUMN rule_code VARCHAR(120) NULL, ADD COLUMN run_id CHAR(36) NULL, ADD COLUMN open_key VARCHAR(160) NULL,
      ADD COLUMN affected_ids JSON NULL, ADD COLUMN affected_count INT NULL,
      ADD COLUMN working_days INT NOT NULL DEFAULT 3, ADD COLUMN round INT NOT NULL DEFAULT 0,
      ADD COLUMN deadline DATETIME(3) NULL, ADD COLUMN deadline_day VARCHAR(10) NULL, ADD COLUMN deadline_official TINYINT(1) NULL,
      ADD COLUMN overdue TINYINT(1) NOT NULL DEFAULT 0, ADD COLUMN escalated_at DATETIME(3) NULL,
      ADD COLUMN reopen_count INT NOT NULL DEFAULT 0, ADD COLUMN verified_at DATETIME(3) NULL, ADD COLUMN outcome_note TEXT NULL,
      ADD UNIQUE KEY uq_quality_issue_open (open_key), ADD KEY idx_quality_issue_opened (department_id, opened_at)`);
    // Consumer flags carry 5 working days (004 §24).
    await q.query("UPDATE quality_issue SET working_days = 5 WHERE source = 'CONSUMER'");
    await q.query(`CREATE TABLE objection (
      id CHAR(36) NOT NULL PRIMARY KEY,
      resource_id CHAR(36) NOT NULL, department_id VARCHAR(40) NOT NULL, region_code VARCHAR(12) NOT NULL,
      objector_name VARCHAR(100) NOT NULL, ground VARCHAR(16) NOT NULL, description TEXT NOT NULL, on_paper TINYINT(1) NOT NULL,
      status VARCHAR(12) NOT NULL, suspended TINYINT(1) NOT NULL, suspended_at DATETIME(3) NULL,
      verify_deadline DATETIME(3) NULL, verify_deadline_day VARCHAR(10) NULL, verify_deadline_official TINYINT(1) NULL,
      decision VARCHAR(10) NULL, finding TEXT NULL, decided_at DATETIME(3) NULL, answer TEXT NULL, answered_at DATETIME(3) NULL,
      filed_by_sub VARCHAR(64) NOT NULL, created_by VARCHAR(64) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      KEY idx_objection_department (department_id, status), KEY idx_objection_region (region_code, status),
      KEY idx_objection_resource (resource_id, status), KEY idx_objection_filer (filed_by_sub)
    ) ${tail}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE objection');
    await q.query(`ALTER TABLE quality_issue DROP KEY uq_quality_issue_open, DROP KEY idx_quality_issue_opened, DROP COLUMN rule_code, DROP COLUMN run_id,
      DROP COLUMN open_key, DROP COLUMN affected_ids, DROP COLUMN affected_count, DROP COLUMN working_days, DROP COLUMN round, DROP COLUMN deadline,
      DROP COLUMN deadline_day, DROP COLUMN deadline_official, DROP COLUMN overdue, DROP COLUMN escalated_at, DROP COLUMN reopen_count,
      DROP COLUMN verified_at, DROP COLUMN outcome_note`);
    await q.query('DROP TABLE quality_run_rule');
    await q.query('DROP TABLE quality_run');
    await q.query('DROP TABLE quality_rule');
  }
}
