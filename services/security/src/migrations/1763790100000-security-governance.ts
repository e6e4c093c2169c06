import { DEFAULT_GRADE_POLICY } from '@gov/masking';
import type { MigrationInterface, QueryRunner } from 'typeorm';

// Grade policy (seeded), day anchors, archives, incidents, agreements. MariaDB DDL is not transactional: each table is
// created IF NOT EXISTS so a migration interrupted half-way can simply run again.
export class SecurityGovernance1763790100000 implements MigrationInterface {
  name = 'SecurityGovernance1763790100000';

  async up(q: QueryRunner): Promise<void> {
    const opts = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
    // Auditors trace one request, or one actor.
    await q.query(`ALTER TABLE audit_record ADD KEY IF NOT EXISTS idx_audit_record_request (request_id),
      ADD KEY IF NOT EXISTS idx_audit_record_actor (actor, seq)`);
    await q.query(`CREATE TABLE IF NOT EXISTS grade_policy_rule (
      grade VARCHAR(8) NOT NULL, usage_mode VARCHAR(8) NOT NULL, item_sensitivity VARCHAR(8) NOT NULL,
      treatment VARCHAR(8) NOT NULL, updated_by VARCHAR(64) NULL,
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      PRIMARY KEY (grade, usage_mode, item_sensitivity)
    ) ${opts}`);
    for (const r of DEFAULT_GRADE_POLICY) {
      await q.query('INSERT IGNORE INTO grade_policy_rule (grade, usage_mode, item_sensitivity, treatment) VALUES (?, ?, ?, ?)',
        [r.grade, r.usageMode, r.itemSensitivity, r.treatment]);
    }
    await q.query(`CREATE TABLE IF NOT EXISTS audit_anchor (
      id CHAR(36) NOT NULL PRIMARY KEY, day CHAR(10) NOT NULL, complete BOOLEAN NOT NULL, first_seq BIGINT NULL, last_seq BIGINT NULL, record_count INT NOT NULL,
      merkle_root CHAR(64) NOT NULL, signed_payload VARCHAR(400) NOT NULL, signature VARCHAR(200) NOT NULL,
      public_key_pem VARCHAR(400) NOT NULL, anchored_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_audit_anchor_day_last (day, last_seq), KEY idx_audit_anchor_day (day, anchored_at)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS audit_archive (
      id CHAR(36) NOT NULL PRIMARY KEY, first_seq BIGINT NOT NULL, last_seq BIGINT NOT NULL, record_count INT NOT NULL,
      last_hash CHAR(64) NOT NULL, content_hash CHAR(64) NOT NULL, signature VARCHAR(200) NOT NULL,
      public_key_pem VARCHAR(400) NOT NULL, created_by VARCHAR(64) NOT NULL, created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      purged_at DATETIME(3) NULL, content_enc LONGTEXT NOT NULL,
      KEY idx_audit_archive_seq (first_seq, last_seq)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS security_incident (
      id CHAR(36) NOT NULL PRIMARY KEY, title VARCHAR(200) NOT NULL, description_enc TEXT NOT NULL,
      severity VARCHAR(8) NOT NULL, status VARCHAR(10) NOT NULL, department_id VARCHAR(40) NOT NULL,
      region_code VARCHAR(12) NOT NULL, resource_id VARCHAR(64) NULL, emergency_plan VARCHAR(200) NOT NULL,
      reported_by VARCHAR(64) NOT NULL, reported_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      authority_notified_at DATETIME(3) NULL, closure_summary VARCHAR(2000) NULL, closed_by VARCHAR(64) NULL,
      closed_at DATETIME(3) NULL,
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      KEY idx_security_incident_region (region_code, reported_at)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS data_use_agreement (
      id CHAR(36) NOT NULL PRIMARY KEY, grant_id VARCHAR(64) NOT NULL, consumer_department_id VARCHAR(40) NOT NULL,
      consumer_region_code VARCHAR(12) NOT NULL, resource_id VARCHAR(64) NOT NULL, signed_by_enc VARCHAR(400) NOT NULL,
      text_enc MEDIUMTEXT NULL, text_hash CHAR(64) NOT NULL, recorded_by VARCHAR(64) NOT NULL,
      recorded_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_data_use_agreement_grant (grant_id)
    ) ${opts}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['data_use_agreement', 'security_incident', 'audit_archive', 'audit_anchor', 'grade_policy_rule']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query('ALTER TABLE audit_record DROP KEY IF EXISTS idx_audit_record_actor, DROP KEY IF EXISTS idx_audit_record_request');
  }
}
