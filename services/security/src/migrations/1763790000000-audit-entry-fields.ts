import type { MigrationInterface, QueryRunner } from 'typeorm';

// Audit entries from every subgraph (issue 5): the anonymous public has no department or region; a free-text detail
// (e.g. the row count of a query page) and the reporting service are part of the record and of its hash.
export class AuditEntryFields1763790000000 implements MigrationInterface {
  name = 'AuditEntryFields1763790000000';

  async up(q: QueryRunner): Promise<void> {
    // One ALTER: MariaDB DDL is not transactional, so a single statement either applies whole or not at all.
    await q.query(`ALTER TABLE audit_record
      MODIFY department_id VARCHAR(40) NULL,
      MODIFY region_code VARCHAR(12) NULL,
      ADD COLUMN detail VARCHAR(1000) NULL AFTER request_id,
      ADD COLUMN source_service VARCHAR(32) NULL AFTER detail`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_record DROP COLUMN source_service, DROP COLUMN detail,
      MODIFY department_id VARCHAR(40) NOT NULL, MODIFY region_code VARCHAR(12) NOT NULL`);
  }
}
