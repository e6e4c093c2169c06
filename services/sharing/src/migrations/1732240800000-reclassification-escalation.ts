import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 001 §21: a provider silent past its opinion deadline is escalated to the authority (workflow reclassification-opinion-<id>). */
export class ReclassificationEscalation1732240800000 implements MigrationInterface {
  name = 'ReclassificationEscalation1732240800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reclassification_request
      ADD COLUMN IF NOT EXISTS opinion_overdue BOOLEAN NOT NULL DEFAULT FALSE,
      ADD COLUMN IF NOT EXISTS escalated_at DATETIME(3) NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE reclassification_request DROP COLUMN IF EXISTS opinion_overdue, DROP COLUMN IF EXISTS escalated_at');
  }
}
