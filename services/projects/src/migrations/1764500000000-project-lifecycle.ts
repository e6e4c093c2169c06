import type { MigrationInterface, QueryRunner } from 'typeorm';

// The lifecycle of 001 临湘项目办法 on the project row, plus the expert pool, step filings, O&M reports and the gate.
export class ProjectLifecycle1764500000000 implements MigrationInterface {
  name = 'ProjectLifecycle1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE digital_project
      MODIFY status VARCHAR(32) NOT NULL,
      ADD COLUMN plan_type VARCHAR(16) NULL,
      ADD COLUMN funding_source VARCHAR(200) NULL,
      ADD COLUMN basis TEXT NULL,
      ADD COLUMN self_built_reason TEXT NULL,
      ADD COLUMN urgent_reason TEXT NULL,
      ADD COLUMN yearly_investment TEXT NOT NULL DEFAULT '[]',
      ADD COLUMN participating_departments TEXT NOT NULL DEFAULT '[]',
      ADD COLUMN construction_plan TEXT NULL,
      ADD COLUMN resource_ids TEXT NOT NULL DEFAULT '[]',
      ADD COLUMN sharing_interfaces TEXT NULL,
      ADD COLUMN stage_deadline DATETIME(3) NULL,
      ADD COLUMN deadline_official BOOLEAN NOT NULL DEFAULT TRUE,
      ADD COLUMN stage_overdue BOOLEAN NOT NULL DEFAULT FALSE,
      ADD COLUMN overdue_steps TEXT NOT NULL DEFAULT '[]',
      ADD COLUMN expert_panel TEXT NULL,
      ADD COLUMN approved_budget DECIMAL(14,2) NULL,
      ADD COLUMN procurement TEXT NULL,
      ADD COLUMN security_assessment TEXT NULL,
      ADD COLUMN pending_change TEXT NULL,
      ADD COLUMN termination TEXT NULL,
      ADD COLUMN failed_acceptances INT NOT NULL DEFAULT 0,
      ADD COLUMN final_by_authority BOOLEAN NOT NULL DEFAULT FALSE,
      ADD COLUMN final_by_finance BOOLEAN NOT NULL DEFAULT FALSE,
      ADD COLUMN payment_withheld BOOLEAN NOT NULL DEFAULT FALSE,
      ADD COLUMN archive_no VARCHAR(64) NULL,
      ADD COLUMN accepted_at DATETIME(3) NULL,
      ADD COLUMN evaluation TEXT NULL,
      ADD COLUMN refusal_reason TEXT NULL,
      ADD KEY idx_digital_project_owner_status (owner_department_id, status)`);
    await q.query(`CREATE TABLE project_expert (
      id CHAR(36) NOT NULL PRIMARY KEY,
      name VARCHAR(64) NOT NULL,
      affiliation VARCHAR(80) NOT NULL,
      field VARCHAR(64) NOT NULL,
      active BOOLEAN NOT NULL DEFAULT TRUE
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE project_event (
      id CHAR(36) NOT NULL PRIMARY KEY,
      project_id CHAR(36) NOT NULL,
      step VARCHAR(40) NOT NULL,
      actor VARCHAR(64) NOT NULL,
      detail TEXT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY idx_project_event_project (project_id, created_at)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE project_om_report (
      id CHAR(36) NOT NULL PRIMARY KEY,
      project_id CHAR(36) NOT NULL,
      om_year INT NOT NULL,
      summary TEXT NULL,
      overdue BOOLEAN NOT NULL DEFAULT FALSE,
      filed_at DATETIME(3) NULL,
      filed_by VARCHAR(64) NULL,
      UNIQUE KEY uq_project_om_report (project_id, om_year)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE project_gate (
      region_code VARCHAR(12) NOT NULL PRIMARY KEY,
      min_total_score DECIMAL(8,2) NOT NULL,
      min_indicator_value DECIMAL(5,4) NOT NULL,
      set_by VARCHAR(64) NOT NULL,
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE project_gate');
    await q.query('DROP TABLE project_om_report');
    await q.query('DROP TABLE project_event');
    await q.query('DROP TABLE project_expert');
    await q.query(`ALTER TABLE digital_project DROP KEY idx_digital_project_owner_status, DROP COLUMN plan_type, DROP COLUMN funding_source, DROP COLUMN basis,
      DROP COLUMN self_built_reason, DROP COLUMN urgent_reason, DROP COLUMN yearly_investment, DROP COLUMN participating_departments,
      DROP COLUMN construction_plan, DROP COLUMN resource_ids, DROP COLUMN sharing_interfaces, DROP COLUMN stage_deadline, DROP COLUMN deadline_official,
      DROP COLUMN stage_overdue, DROP COLUMN overdue_steps, DROP COLUMN expert_panel, DROP COLUMN approved_budget, DROP COLUMN procurement,
      DROP COLUMN security_assessment, DROP COLUMN pending_change, DROP COLUMN termination, DROP COLUMN failed_acceptances,
      DROP COLUMN final_by_authority, DROP COLUMN final_by_finance, DROP COLUMN payment_withheld, DROP COLUMN archive_no, DROP COLUMN accepted_at,
      DROP COLUMN evaluation, DROP COLUMN refusal_reason, MODIFY status VARCHAR(16) NOT NULL`);
  }
}
