import type { MigrationInterface, QueryRunner } from 'typeorm';

// The exchange: records of mounted resources, their loads, grants, agreements, flags, and the approval workflow's
// state on the application. MariaDB DDL is not transactional: each statement is idempotent-safe on its own table.
export class Exchange1732240200000 implements MigrationInterface {
  name = 'Exchange1732240200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE share_application
      ADD COLUMN stage VARCHAR(24) NULL,
      ADD COLUMN stage_deadline DATETIME(3) NULL,
      ADD COLUMN overdue TINYINT(1) NOT NULL DEFAULT 0,
      ADD COLUMN escalated_at DATETIME(3) NULL,
      ADD COLUMN whole_authorisation TINYINT(1) NOT NULL DEFAULT 0,
      ADD COLUMN decision_reason TEXT NULL,
      ADD COLUMN dispute_reason TEXT NULL,
      ADD COLUMN decisions JSON NULL,
      ADD COLUMN grant_id CHAR(36) NULL,
      ADD COLUMN submitted_at DATETIME(3) NULL`);
    await q.query(`CREATE TABLE region_sharing_setting (
      region_code VARCHAR(12) NOT NULL PRIMARY KEY,
      whole_authorisation TINYINT(1) NOT NULL DEFAULT 0,
      updated_by VARCHAR(64) NOT NULL,
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE exchange_load (
      id CHAR(36) NOT NULL PRIMARY KEY,
      resource_id CHAR(36) NOT NULL,
      department_id VARCHAR(40) NOT NULL,
      region_code VARCHAR(12) NOT NULL,
      format VARCHAR(8) NOT NULL,
      status VARCHAR(12) NOT NULL,
      row_count INT NOT NULL DEFAULT 0,
      problems JSON NULL,
      idempotency_key VARCHAR(64) NULL,
      created_by VARCHAR(64) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      finished_at DATETIME(3) NULL,
      UNIQUE KEY uq_exchange_load_idem (resource_id, idempotency_key),
      KEY idx_exchange_load_resource (resource_id, created_at)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE exchange_record (
      id CHAR(36) NOT NULL PRIMARY KEY,
      resource_id CHAR(36) NOT NULL,
      record_key VARCHAR(64) NOT NULL,
      fields JSON NOT NULL,
      load_id CHAR(36) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_exchange_record_key (resource_id, record_key),
      KEY idx_exchange_record_page (resource_id, created_at, id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE share_grant (
      id CHAR(36) NOT NULL PRIMARY KEY,
      resource_id CHAR(36) NOT NULL,
      provider_department_id VARCHAR(40) NOT NULL,
      provider_region_code VARCHAR(12) NOT NULL,
      consumer_department_id VARCHAR(40) NOT NULL,
      consumer_region_code VARCHAR(12) NOT NULL,
      items JSON NOT NULL,
      scenario VARCHAR(200) NOT NULL,
      usage_mode VARCHAR(16) NOT NULL,
      period_from DATE NOT NULL,
      period_to DATE NOT NULL,
      expires_at DATETIME(3) NOT NULL,
      status VARCHAR(12) NOT NULL,
      clear_text TINYINT(1) NOT NULL DEFAULT 0,
      application_id CHAR(36) NULL,
      idempotency_key VARCHAR(64) NULL,
      revoked_at DATETIME(3) NULL,
      revoked_by VARCHAR(64) NULL,
      revoke_reason TEXT NULL,
      created_by VARCHAR(64) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_share_grant_application (application_id),
      UNIQUE KEY uq_share_grant_idem (consumer_department_id, idempotency_key),
      KEY idx_share_grant_consumer (consumer_department_id, status),
      KEY idx_share_grant_provider (provider_department_id),
      KEY idx_share_grant_created (created_at, id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE confidentiality_agreement (
      id CHAR(36) NOT NULL PRIMARY KEY,
      grant_id CHAR(36) NOT NULL,
      consumer_department_id VARCHAR(40) NOT NULL,
      signed_by VARCHAR(64) NOT NULL,
      terms TEXT NOT NULL,
      signed_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_agreement_grant (grant_id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE record_flag (
      id CHAR(36) NOT NULL PRIMARY KEY,
      grant_id CHAR(36) NOT NULL,
      resource_id CHAR(36) NOT NULL,
      record_key VARCHAR(64) NOT NULL,
      reason TEXT NOT NULL,
      consumer_department_id VARCHAR(40) NOT NULL,
      provider_department_id VARCHAR(40) NOT NULL,
      provider_region_code VARCHAR(12) NOT NULL,
      flagged_by VARCHAR(64) NOT NULL,
      quality_issue_id VARCHAR(64) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY idx_record_flag_provider (provider_department_id, created_at),
      KEY idx_record_flag_created (created_at, id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE reclassification_request (
      id CHAR(36) NOT NULL PRIMARY KEY,
      resource_id CHAR(36) NOT NULL,
      provider_department_id VARCHAR(40) NOT NULL,
      provider_region_code VARCHAR(12) NOT NULL,
      consumer_department_id VARCHAR(40) NOT NULL,
      region_code VARCHAR(12) NOT NULL,
      reason TEXT NOT NULL,
      status VARCHAR(12) NOT NULL,
      created_by VARCHAR(64) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY idx_reclass_created (created_at, id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['reclassification_request', 'record_flag', 'confidentiality_agreement', 'share_grant', 'exchange_record', 'exchange_load', 'region_sharing_setting']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`ALTER TABLE share_application DROP COLUMN stage, DROP COLUMN stage_deadline, DROP COLUMN overdue, DROP COLUMN escalated_at,
      DROP COLUMN whole_authorisation, DROP COLUMN decision_reason, DROP COLUMN dispute_reason, DROP COLUMN decisions, DROP COLUMN grant_id, DROP COLUMN submitted_at`);
  }
}
