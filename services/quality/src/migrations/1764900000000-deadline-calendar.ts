import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14: which calendar counted an issue's open fix deadline (provisional until the year's official one is loaded), and
 * the last round escalated (a reopened round that runs late is escalated again).
 */
export class DeadlineCalendar1764900000000 implements MigrationInterface {
  name = 'DeadlineCalendar1764900000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE quality_issue ADD COLUMN deadline_calendar VARCHAR(32) NULL, ADD COLUMN escalated_round INT NULL');
    await q.query('UPDATE quality_issue SET escalated_round = round WHERE escalated_at IS NOT NULL');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE quality_issue DROP COLUMN deadline_calendar, DROP COLUMN escalated_round');
  }
}
