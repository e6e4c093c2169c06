import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 001 §21: the provider's opinion (with its working-day deadline), the authority's decision and the catalog change it made. */
export class ReclassificationDecision1732240600000 implements MigrationInterface {
  name = 'ReclassificationDecision1732240600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reclassification_request
      MODIFY status VARCHAR(16) NOT NULL,
      ADD COLUMN opinion_deadline DATETIME(3) NULL,
      ADD COLUMN opinion_deadline_official BOOLEAN NOT NULL DEFAULT TRUE,
      ADD COLUMN provider_agrees BOOLEAN NULL,
      ADD COLUMN provider_opinion TEXT NULL,
      ADD COLUMN opinion_by VARCHAR(64) NULL,
      ADD COLUMN opinion_at DATETIME(3) NULL,
      ADD COLUMN decided_by VARCHAR(64) NULL,
      ADD COLUMN decided_at DATETIME(3) NULL,
      ADD COLUMN decision_reason TEXT NULL,
      ADD COLUMN new_share_type VARCHAR(16) NULL,
      ADD COLUMN catalog_change_request_id CHAR(36) NULL,
      ADD COLUMN catalog_version INT NULL,
      ADD KEY idx_reclass_provider (provider_department_id, status),
      ADD KEY idx_reclass_consumer (consumer_department_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reclassification_request DROP KEY idx_reclass_provider, DROP KEY idx_reclass_consumer,
      DROP COLUMN opinion_deadline, DROP COLUMN opinion_deadline_official, DROP COLUMN provider_agrees, DROP COLUMN provider_opinion,
      DROP COLUMN opinion_by, DROP COLUMN opinion_at, DROP COLUMN decided_by, DROP COLUMN decided_at, DROP COLUMN decision_reason,
      DROP COLUMN new_share_type, DROP COLUMN catalog_change_request_id, DROP COLUMN catalog_version`);
  }
}
