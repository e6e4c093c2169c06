import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An application may ask for clear text of masked items, with its reason; the grant carries what was approved. */
export class ClearText1732240500000 implements MigrationInterface {
  name = 'ClearText1732240500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE share_application ADD COLUMN clear_text BOOLEAN NOT NULL DEFAULT FALSE, ADD COLUMN clear_text_reason VARCHAR(500) NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE share_application DROP COLUMN clear_text, DROP COLUMN clear_text_reason');
  }
}
