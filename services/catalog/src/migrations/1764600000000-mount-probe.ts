import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 000 §13, §18: probed mount health — consecutive failures, the last probe and its error. */
export class MountProbe1764600000000 implements MigrationInterface {
  name = 'MountProbe1764600000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE data_resource ADD COLUMN mount_probe_failures INT NOT NULL DEFAULT 0,
      ADD COLUMN last_probed_at DATETIME(3) NULL, ADD COLUMN last_probe_error VARCHAR(500) NULL`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE data_resource DROP COLUMN mount_probe_failures, DROP COLUMN last_probed_at, DROP COLUMN last_probe_error');
  }
}
