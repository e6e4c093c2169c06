import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 14: which calendar counted a review's or a change request's open deadline (provisional until the year's official one is loaded). */
export class ReviewCalendar1764900000000 implements MigrationInterface {
  name = 'ReviewCalendar1764900000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE data_resource ADD COLUMN review_calendar VARCHAR(32) NULL');
    await q.query('ALTER TABLE change_request ADD COLUMN review_calendar VARCHAR(32) NULL');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE data_resource DROP COLUMN review_calendar');
    await q.query('ALTER TABLE change_request DROP COLUMN review_calendar');
  }
}
