import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitCatalog1732240000000 implements MigrationInterface {
  name = 'InitCatalog1732240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE region (
      code VARCHAR(12) NOT NULL PRIMARY KEY,
      name VARCHAR(64) NOT NULL,
      level VARCHAR(16) NOT NULL,
      parent_code VARCHAR(12) NULL
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE department (
      id VARCHAR(40) NOT NULL PRIMARY KEY,
      name VARCHAR(128) NOT NULL,
      region_code VARCHAR(12) NOT NULL,
      kind VARCHAR(16) NOT NULL,
      KEY idx_department_region (region_code),
      CONSTRAINT fk_department_region FOREIGN KEY (region_code) REFERENCES region(code)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE data_resource (
      id CHAR(36) NOT NULL PRIMARY KEY,
      code VARCHAR(64) NOT NULL,
      name VARCHAR(200) NOT NULL,
      description TEXT NULL,
      department_id VARCHAR(40) NOT NULL,
      region_code VARCHAR(12) NOT NULL,
      category VARCHAR(16) NOT NULL,
      share_type VARCHAR(16) NOT NULL,
      share_condition TEXT NULL,
      not_shared_basis TEXT NULL,
      open_type VARCHAR(16) NOT NULL,
      not_open_reason TEXT NULL,
      sensitivity_grade VARCHAR(8) NOT NULL,
      status VARCHAR(16) NOT NULL,
      version INT NOT NULL DEFAULT 1,
      submission_count INT NOT NULL DEFAULT 0,
      review_deadline DATETIME(3) NULL,
      review_overdue TINYINT(1) NOT NULL DEFAULT 0,
      review_escalated_at DATETIME(3) NULL,
      review_comment TEXT NULL,
      published_at DATETIME(3) NULL,
      created_by VARCHAR(64) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_data_resource_code (code),
      KEY idx_data_resource_department (department_id),
      KEY idx_data_resource_region_status (region_code, status),
      CONSTRAINT fk_data_resource_department FOREIGN KEY (department_id) REFERENCES department(id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE data_item (
      id CHAR(36) NOT NULL PRIMARY KEY,
      resource_id CHAR(36) NOT NULL,
      position INT NOT NULL,
      name VARCHAR(128) NOT NULL,
      type VARCHAR(16) NOT NULL,
      length INT NULL,
      is_sensitive TINYINT(1) NOT NULL DEFAULT 0,
      KEY idx_data_item_resource (resource_id, position),
      CONSTRAINT fk_data_item_resource FOREIGN KEY (resource_id) REFERENCES data_resource(id) ON DELETE CASCADE
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE data_item');
    await q.query('DROP TABLE data_resource');
    await q.query('DROP TABLE department');
    await q.query('DROP TABLE region');
  }
}
