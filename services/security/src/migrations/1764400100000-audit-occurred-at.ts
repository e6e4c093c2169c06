import type { MigrationInterface, QueryRunner } from 'typeorm';

// The outbox (issue 9): a record reaches the chain after its operation; the source's time is kept beside the chain's.
export class AuditOccurredAt1764400100000 implements MigrationInterface {
  name = 'AuditOccurredAt1764400100000';
  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE audit_record ADD COLUMN occurred_at DATETIME(3) NULL AFTER recorded_at');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE audit_record DROP COLUMN occurred_at');
  }
}
