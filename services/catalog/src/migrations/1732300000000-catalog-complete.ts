import type { MigrationInterface, QueryRunner } from 'typeorm';

// MariaDB DDL is not transactional: each statement is idempotent-safe only as a whole migration; keep it additive.
const T = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

export class CatalogComplete1732300000000 implements MigrationInterface {
  name = 'CatalogComplete1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE data_resource
      ADD COLUMN service_item VARCHAR(200) NULL,
      ADD COLUMN source_system_id CHAR(36) NULL,
      ADD COLUMN data_format VARCHAR(8) NOT NULL DEFAULT 'TABLE',
      ADD COLUMN update_cycle VARCHAR(16) NOT NULL DEFAULT 'DAILY',
      ADD COLUMN provision_mode VARCHAR(24) NOT NULL DEFAULT 'DISTRIBUTION_API',
      ADD COLUMN usage_modes VARCHAR(64) NOT NULL DEFAULT 'QUERY',
      ADD COLUMN theme VARCHAR(64) NULL,
      ADD COLUMN retired_at DATETIME(3) NULL,
      ADD COLUMN retire_reason TEXT NULL,
      ADD COLUMN mount_kind VARCHAR(8) NULL,
      ADD COLUMN mount_endpoint VARCHAR(500) NULL,
      ADD COLUMN mount_health VARCHAR(8) NOT NULL DEFAULT 'UNKNOWN',
      ADD COLUMN mounted_at DATETIME(3) NULL,
      ADD COLUMN outage_reason TEXT NULL,
      ADD COLUMN outage_alternative TEXT NULL,
      ADD COLUMN outage_until DATETIME(3) NULL,
      ADD KEY idx_data_resource_source_system (source_system_id)`);
    await q.query(`ALTER TABLE data_item ADD COLUMN sensitivity VARCHAR(8) NOT NULL DEFAULT 'NONE'`);
    // Existing sensitive items take their resource's grade (the most a resource allows).
    await q.query(`UPDATE data_item i JOIN data_resource r ON r.id = i.resource_id
      SET i.sensitivity = CASE WHEN r.sensitivity_grade = 'NONE' THEN 'LOW' ELSE r.sensitivity_grade END WHERE i.is_sensitive = 1`);
    await q.query(`CREATE TABLE information_system (
      id CHAR(36) NOT NULL PRIMARY KEY, department_id VARCHAR(40) NOT NULL, region_code VARCHAR(12) NOT NULL,
      name VARCHAR(200) NOT NULL, description TEXT NULL, created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_information_system_name (department_id, name), KEY idx_information_system_region (region_code)
    ) ${T}`);
    await q.query(`CREATE TABLE resource_version (
      id CHAR(36) NOT NULL PRIMARY KEY, resource_id CHAR(36) NOT NULL, version INT NOT NULL, snapshot LONGTEXT NOT NULL,
      change_request_id CHAR(36) NULL, created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_resource_version (resource_id, version),
      CONSTRAINT fk_resource_version_resource FOREIGN KEY (resource_id) REFERENCES data_resource(id) ON DELETE CASCADE
    ) ${T}`);
    await q.query(`CREATE TABLE change_request (
      id CHAR(36) NOT NULL PRIMARY KEY, resource_id CHAR(36) NOT NULL, department_id VARCHAR(40) NOT NULL, region_code VARCHAR(12) NOT NULL,
      basis VARCHAR(24) NOT NULL, reason TEXT NOT NULL, effective_date VARCHAR(10) NULL, filed_late TINYINT(1) NOT NULL DEFAULT 0,
      proposed LONGTEXT NOT NULL, status VARCHAR(12) NOT NULL, open_key CHAR(36) NULL, base_version INT NOT NULL, new_version INT NULL,
      requested_by VARCHAR(64) NOT NULL, reviewer VARCHAR(64) NULL, review_comment TEXT NULL, review_deadline DATETIME(3) NULL,
      review_overdue TINYINT(1) NOT NULL DEFAULT 0, review_escalated_at DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_change_request_open (open_key), KEY idx_change_request_resource (resource_id),
      KEY idx_change_request_region_status (region_code, status),
      CONSTRAINT fk_change_request_resource FOREIGN KEY (resource_id) REFERENCES data_resource(id)
    ) ${T}`);
    await q.query(`CREATE TABLE search_token (
      token VARCHAR(32) NOT NULL, resource_id CHAR(36) NOT NULL, source VARCHAR(12) NOT NULL,
      PRIMARY KEY (token, resource_id, source), KEY idx_search_token_resource (resource_id),
      CONSTRAINT fk_search_token_resource FOREIGN KEY (resource_id) REFERENCES data_resource(id) ON DELETE CASCADE
    ) ${T}`);
    await q.query(`CREATE TABLE responsibility_item (
      id CHAR(36) NOT NULL PRIMARY KEY, department_id VARCHAR(40) NOT NULL, region_code VARCHAR(12) NOT NULL,
      name VARCHAR(200) NOT NULL, description TEXT NULL, resource_id CHAR(36) NULL, published_by VARCHAR(64) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_responsibility_item (department_id, name), KEY idx_responsibility_region (region_code)
    ) ${T}`);
    await q.query(`CREATE TABLE demand (
      id CHAR(36) NOT NULL PRIMARY KEY, requester_department_id VARCHAR(40) NOT NULL, requester_region_code VARCHAR(12) NOT NULL,
      holder_department_id VARCHAR(40) NOT NULL, holder_region_code VARCHAR(12) NOT NULL, title VARCHAR(200) NOT NULL,
      description TEXT NOT NULL, items TEXT NOT NULL, status VARCHAR(16) NOT NULL, escalation_level VARCHAR(16) NOT NULL DEFAULT 'NONE',
      deadline DATETIME(3) NULL, answer_overdue TINYINT(1) NOT NULL DEFAULT 0, resource_id CHAR(36) NULL, resolution TEXT NULL,
      created_by VARCHAR(64) NOT NULL, created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      KEY idx_demand_requester (requester_department_id), KEY idx_demand_holder (holder_department_id)
    ) ${T}`);
    await q.query(`CREATE TABLE demand_message (
      id CHAR(36) NOT NULL PRIMARY KEY, demand_id CHAR(36) NOT NULL, author VARCHAR(64) NOT NULL, author_department_id VARCHAR(40) NULL,
      kind VARCHAR(24) NOT NULL, body TEXT NOT NULL, created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY idx_demand_message_demand (demand_id, created_at),
      CONSTRAINT fk_demand_message_demand FOREIGN KEY (demand_id) REFERENCES demand(id) ON DELETE CASCADE
    ) ${T}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['demand_message', 'demand', 'responsibility_item', 'search_token', 'change_request', 'resource_version', 'information_system']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query('ALTER TABLE data_item DROP COLUMN sensitivity');
    await q.query(`ALTER TABLE data_resource DROP KEY idx_data_resource_source_system, DROP COLUMN service_item, DROP COLUMN source_system_id,
      DROP COLUMN data_format, DROP COLUMN update_cycle, DROP COLUMN provision_mode, DROP COLUMN usage_modes, DROP COLUMN theme,
      DROP COLUMN retired_at, DROP COLUMN retire_reason, DROP COLUMN mount_kind, DROP COLUMN mount_endpoint, DROP COLUMN mount_health,
      DROP COLUMN mounted_at, DROP COLUMN outage_reason, DROP COLUMN outage_alternative, DROP COLUMN outage_until`);
  }
}
