import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 14: which calendar counted an application's or a case's open deadline (provisional until the year's official one is loaded). */
export class DeadlineCalendar1764900000000 implements MigrationInterface {
  name = 'DeadlineCalendar1764900000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE open_data_application ADD COLUMN decision_calendar VARCHAR(32) NULL');
    await q.query('ALTER TABLE open_data_case ADD COLUMN answer_calendar VARCHAR(32) NULL');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE open_data_application DROP COLUMN decision_calendar');
    await q.query('ALTER TABLE open_data_case DROP COLUMN answer_calendar');
  }
}
