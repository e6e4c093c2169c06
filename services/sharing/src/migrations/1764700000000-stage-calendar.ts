import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 14: which calendar counted an application's open deadline (provisional until the year's official one is loaded). */
export class StageCalendar1764700000000 implements MigrationInterface {
  name = 'StageCalendar1764700000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE share_application ADD COLUMN stage_calendar VARCHAR(32) NULL');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE share_application DROP COLUMN stage_calendar');
  }
}
