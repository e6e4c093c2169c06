import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OpenDataUsage1764540200000 implements MigrationInterface {
  name = 'OpenDataUsage1764540200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE open_data_usage (
      dataset_id CHAR(36) NOT NULL,
      month CHAR(7) NOT NULL,
      kind VARCHAR(16) NOT NULL,
      format VARCHAR(8) NOT NULL,
      count INT UNSIGNED NOT NULL,
      PRIMARY KEY (dataset_id, month, kind, format)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE open_data_usage');
  }
}
