import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OpenDataApiKey1764540400000 implements MigrationInterface {
  name = 'OpenDataApiKey1764540400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE open_data_api_key (
      id CHAR(36) NOT NULL PRIMARY KEY,
      owner_sub VARCHAR(64) NOT NULL,
      owner VARCHAR(64) NOT NULL,
      name VARCHAR(100) NOT NULL,
      prefix CHAR(12) NOT NULL,
      secret_digest CHAR(64) NOT NULL,
      expires_at DATETIME(3) NOT NULL,
      revoked_at DATETIME(3) NULL,
      last_used_at DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_open_data_api_key_prefix (prefix),
      KEY idx_open_data_api_key_owner (owner_sub, created_at)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE open_data_api_key');
  }
}
