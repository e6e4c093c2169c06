import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 14: `overdue` is the open step's (reset when the next opens); the steps that ran late are kept here. */
export class OverdueStages1764900000000 implements MigrationInterface {
  name = 'OverdueStages1764900000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE share_application ADD COLUMN overdue_stages JSON NULL');
    // Rows escalated before: their open-or-last step was the late one.
    await q.query("UPDATE share_application SET overdue_stages = JSON_ARRAY(JSON_OBJECT('stage', COALESCE(stage, 'UNKNOWN'), 'at', DATE_FORMAT(COALESCE(escalated_at, updated_at), '%Y-%m-%dT%H:%i:%s.%fZ'))) WHERE overdue");
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE share_application DROP COLUMN overdue_stages');
  }
}
