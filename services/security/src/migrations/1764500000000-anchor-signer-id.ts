import type { MigrationInterface, QueryRunner } from 'typeorm';

// SM2 signer id (GM/T 0009): anchors signed before it used OpenSSL's empty id and keep verifying with it.
export class AnchorSignerId1764500000000 implements MigrationInterface {
  name = 'AnchorSignerId1764500000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE audit_anchor ADD COLUMN signer_id VARCHAR(64) NOT NULL DEFAULT '' AFTER signature");
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE audit_anchor DROP COLUMN signer_id');
  }
}
