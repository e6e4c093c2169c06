import type { MigrationInterface, QueryRunner } from 'typeorm';

// Emergency plans, their versions and drills (000 §24, 003 §32(二)); an incident names the plan it used. Each step is
// IF NOT EXISTS: MariaDB DDL is not transactional, so an interrupted run can simply run again.
export class EmergencyPlans1764600000000 implements MigrationInterface {
  name = 'EmergencyPlans1764600000000';

  async up(q: QueryRunner): Promise<void> {
    const opts = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
    await q.query(`CREATE TABLE IF NOT EXISTS emergency_plan (
      id CHAR(36) NOT NULL PRIMARY KEY, department_id VARCHAR(40) NOT NULL, region_code VARCHAR(12) NOT NULL, title VARCHAR(200) NOT NULL,
      region_wide BOOLEAN NOT NULL DEFAULT FALSE, version INT NOT NULL, last_drilled_on DATE NULL, created_by VARCHAR(64) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      KEY idx_emergency_plan_dept (department_id), KEY idx_emergency_plan_region (region_code, last_drilled_on)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS emergency_plan_version (
      id CHAR(36) NOT NULL PRIMARY KEY, plan_id CHAR(36) NOT NULL, version INT NOT NULL, text_enc MEDIUMTEXT NOT NULL, text_hash CHAR(64) NOT NULL, note VARCHAR(1000) NULL,
      created_by VARCHAR(64) NOT NULL, created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE KEY uq_emergency_plan_version (plan_id, version)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS emergency_drill (
      id CHAR(36) NOT NULL PRIMARY KEY, plan_id CHAR(36) NOT NULL, plan_version INT NOT NULL, department_id VARCHAR(40) NOT NULL,
      region_code VARCHAR(12) NOT NULL, drilled_on DATE NOT NULL, participants_enc TEXT NOT NULL, findings_enc TEXT NOT NULL,
      follow_up_enc TEXT NOT NULL, recorded_by VARCHAR(64) NOT NULL, recorded_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_emergency_drill_plan_day (plan_id, drilled_on)
    ) ${opts}`);
    await q.query('ALTER TABLE security_incident ADD COLUMN IF NOT EXISTS emergency_plan_id CHAR(36) NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE security_incident DROP COLUMN IF EXISTS emergency_plan_id');
    for (const t of ['emergency_drill', 'emergency_plan_version', 'emergency_plan']) await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
