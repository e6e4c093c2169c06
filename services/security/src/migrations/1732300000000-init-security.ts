import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitSecurity1732300000000 implements MigrationInterface {
  name = 'InitSecurity1732300000000';

  async up(q: QueryRunner): Promise<void> {
    // seq is assigned under the head lock (gap-free, part of the hash); AUTO_INCREMENT keeps it unique regardless.
    await q.query(`CREATE TABLE audit_record (
      id CHAR(36) NOT NULL PRIMARY KEY,
      seq BIGINT NOT NULL AUTO_INCREMENT,
      actor VARCHAR(64) NOT NULL,
      actor_sub VARCHAR(64) NOT NULL,
      department_id VARCHAR(40) NOT NULL,
      region_code VARCHAR(12) NOT NULL,
      action VARCHAR(16) NOT NULL,
      resource_id VARCHAR(64) NULL,
      grant_id VARCHAR(64) NULL,
      scenario VARCHAR(500) NULL,
      items JSON NOT NULL,
      outcome VARCHAR(8) NOT NULL,
      request_id VARCHAR(64) NOT NULL,
      recorded_at DATETIME(3) NOT NULL,
      prev_hash CHAR(64) NOT NULL,
      hash CHAR(64) NOT NULL,
      UNIQUE KEY uq_audit_record_seq (seq),
      KEY idx_audit_record_department (department_id, seq),
      KEY idx_audit_record_region (region_code, seq),
      KEY idx_audit_record_resource (resource_id, seq),
      KEY idx_audit_record_at (recorded_at)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE audit_chain_head (
      id TINYINT NOT NULL PRIMARY KEY,
      last_seq BIGINT NOT NULL,
      last_hash CHAR(64) NOT NULL,
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      CONSTRAINT ck_audit_chain_head_one_row CHECK (id = 1)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    // The empty chain: the first record's prevHash is 64 zeros.
    await q.query(`INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, REPEAT('0', 64))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_chain_head');
    await q.query('DROP TABLE audit_record');
  }
}
