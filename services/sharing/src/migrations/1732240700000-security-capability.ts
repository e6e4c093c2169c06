import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 000 §24: the consumer's security capability check, recorded with the agreement of a grant before its first delivery. */
export class SecurityCapability1732240700000 implements MigrationInterface {
  name = 'SecurityCapability1732240700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS security_capability_check (
      id CHAR(36) NOT NULL PRIMARY KEY, grant_id CHAR(36) NOT NULL, consumer_department_id VARCHAR(40) NOT NULL,
      responsible_person_enc VARCHAR(400) NOT NULL, systems JSON NOT NULL, grade_protection_level INT NOT NULL,
      emergency_plan_id CHAR(36) NOT NULL, status VARCHAR(10) NOT NULL, declared_by VARCHAR(64) NOT NULL,
      declared_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), confirmed_by VARCHAR(64) NULL, confirmed_at DATETIME(3) NULL,
      remarks TEXT NULL, updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_capability_grant (grant_id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS security_capability_check');
  }
}
