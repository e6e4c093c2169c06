import type { MigrationInterface, QueryRunner } from 'typeorm';

// Notifications derived from the audit records security chains (issue 14 §4); IF NOT EXISTS so an interrupted run reruns.
export class Notifications1764800000000 implements MigrationInterface {
  name = 'Notifications1764800000000';

  async up(q: QueryRunner): Promise<void> {
    const opts = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
    await q.query(`CREATE TABLE IF NOT EXISTS notification (
      id CHAR(36) NOT NULL PRIMARY KEY, record_id CHAR(36) NOT NULL, kind VARCHAR(16) NOT NULL, title VARCHAR(200) NOT NULL,
      subject_type VARCHAR(40) NOT NULL, subject_id VARCHAR(64) NOT NULL, link VARCHAR(300) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE KEY uq_notification_record (record_id), KEY idx_notification_created (created_at)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS notification_recipient (
      notification_id CHAR(36) NOT NULL, n SMALLINT NOT NULL, username VARCHAR(64) NULL, department_id VARCHAR(40) NULL,
      region_code VARCHAR(12) NULL, role VARCHAR(32) NULL, PRIMARY KEY (notification_id, n),
      KEY idx_notification_recipient_user (username), KEY idx_notification_recipient_dept (department_id, role), KEY idx_notification_recipient_region (region_code, role)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS notification_read (
      notification_id CHAR(36) NOT NULL, username VARCHAR(64) NOT NULL, read_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (notification_id, username), KEY idx_notification_read_user (username)
    ) ${opts}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS notification_read');
    await q.query('DROP TABLE IF EXISTS notification_recipient');
    await q.query('DROP TABLE IF EXISTS notification');
  }
}
