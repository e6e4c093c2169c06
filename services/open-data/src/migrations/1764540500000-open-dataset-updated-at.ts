import type { MigrationInterface, QueryRunner } from 'typeorm';

// The database stamps every change of a dataset row (raw updates included): harvesters' and downloads' Last-Modified.
export class OpenDatasetUpdatedAt1764540500000 implements MigrationInterface {
  name = 'OpenDatasetUpdatedAt1764540500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE open_dataset ADD COLUMN updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)');
    await q.query('UPDATE open_dataset SET updated_at = COALESCE(published_at, created_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE open_dataset DROP COLUMN updated_at');
  }
}
