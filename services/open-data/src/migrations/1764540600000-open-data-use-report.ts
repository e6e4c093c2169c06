import type { MigrationInterface, QueryRunner } from 'typeorm';

// Use records and periodic risk reports (003 §16, §25); the publisher's suspension of an applicant's access (003 §35).
export class OpenDataUseReport1764540600000 implements MigrationInterface {
  name = 'OpenDataUseReport1764540600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE open_data_application
      ADD COLUMN last_risk_report_at DATETIME(3) NULL,
      ADD COLUMN access_suspended_at DATETIME(3) NULL,
      ADD COLUMN access_suspended_by VARCHAR(64) NULL,
      ADD COLUMN access_suspension_reason TEXT NULL`);
    await q.query(`CREATE TABLE open_data_use_report (
      id CHAR(36) NOT NULL PRIMARY KEY,
      application_id CHAR(36) NOT NULL,
      dataset_id CHAR(36) NOT NULL,
      publisher_department_id VARCHAR(40) NOT NULL,
      region_code VARCHAR(12) NOT NULL,
      applicant_sub VARCHAR(64) NOT NULL,
      applicant VARCHAR(64) NOT NULL,
      kind VARCHAR(8) NOT NULL,
      purpose TEXT NULL,
      outputs TEXT NULL,
      data_kinds TEXT NULL,
      quantity INT NULL,
      processing TEXT NULL,
      risks TEXT NULL,
      measures TEXT NULL,
      idempotency_key VARCHAR(64) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_open_data_use_report_idem (applicant_sub, idempotency_key),
      KEY idx_open_data_use_report_application (application_id, created_at)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE open_data_use_report');
    await q.query(`ALTER TABLE open_data_application DROP COLUMN last_risk_report_at, DROP COLUMN access_suspended_at,
      DROP COLUMN access_suspended_by, DROP COLUMN access_suspension_reason`);
  }
}
