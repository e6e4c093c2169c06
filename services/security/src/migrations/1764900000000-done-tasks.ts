import type { MigrationInterface, QueryRunner } from 'typeorm';

// 已办 (issue 14 §3): the to-do items an operation completed, derived from the audit records security chains, in the
// chain's own transaction (record_id unique: a record completes one item once). IF NOT EXISTS so an interrupted run reruns.
export class DoneTasks1764900000000 implements MigrationInterface {
  name = 'DoneTasks1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS done_task (
      record_id CHAR(36) NOT NULL PRIMARY KEY, type VARCHAR(40) NOT NULL, subject_id VARCHAR(64) NOT NULL, stage VARCHAR(40) NULL,
      title VARCHAR(200) NOT NULL, department_id VARCHAR(40) NOT NULL, region_code VARCHAR(12) NOT NULL, outcome VARCHAR(40) NULL,
      done_by VARCHAR(64) NOT NULL, done_by_department VARCHAR(40) NULL, done_by_region VARCHAR(12) NULL, done_at DATETIME(3) NOT NULL,
      KEY idx_done_task_by (done_by, done_at), KEY idx_done_task_dept (done_by_department, done_at), KEY idx_done_task_region (done_by_region, done_at)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS done_task');
  }
}
