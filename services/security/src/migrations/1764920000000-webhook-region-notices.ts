import type { MigrationInterface, QueryRunner } from 'typeorm';

// Department webhooks (issue 14 §4): an authority's / platform operator's webhook may opt in to the notices addressed to
// its role in its region (region_roles), and delivery rows are pruned by age (the index the sweep reads). IF NOT EXISTS
// so an interrupted run reruns.
export class WebhookRegionNotices1764920000000 implements MigrationInterface {
  name = 'WebhookRegionNotices1764920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE department_webhook ADD COLUMN IF NOT EXISTS region_roles VARCHAR(60) NULL');
    await q.query('CREATE INDEX IF NOT EXISTS idx_department_webhook_region_roles ON department_webhook (region_code, status, region_roles)');
    await q.query('CREATE INDEX IF NOT EXISTS idx_webhook_delivery_age ON webhook_delivery (status, created_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS idx_webhook_delivery_age ON webhook_delivery');
    await q.query('DROP INDEX IF EXISTS idx_department_webhook_region_roles ON department_webhook');
    await q.query('ALTER TABLE department_webhook DROP COLUMN IF EXISTS region_roles');
  }
}
