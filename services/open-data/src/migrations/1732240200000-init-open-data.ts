import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitOpenData1732240200000 implements MigrationInterface {
  name = 'InitOpenData1732240200000';

  async up(q: QueryRunner): Promise<void> {
    // Department and resource ids live in gov_catalog: no foreign keys across databases.
    await q.query(`CREATE TABLE open_dataset (
      id CHAR(36) NOT NULL PRIMARY KEY,
      resource_id CHAR(36) NULL,
      publisher_department_id VARCHAR(40) NOT NULL,
      region_code VARCHAR(12) NOT NULL,
      name VARCHAR(200) NOT NULL,
      description TEXT NULL,
      open_type VARCHAR(16) NOT NULL,
      formats JSON NOT NULL,
      data_type VARCHAR(32) NOT NULL,
      open_mode VARCHAR(16) NOT NULL,
      update_frequency VARCHAR(16) NOT NULL,
      theme VARCHAR(64) NOT NULL,
      status VARCHAR(16) NOT NULL,
      published_at DATETIME(3) NULL,
      created_by VARCHAR(64) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_open_dataset_publisher_name (publisher_department_id, name),
      KEY idx_open_dataset_status_theme (status, theme),
      KEY idx_open_dataset_region_status (region_code, status),
      KEY idx_open_dataset_resource (resource_id),
      KEY idx_open_dataset_created (created_at, id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE open_dataset');
  }
}
