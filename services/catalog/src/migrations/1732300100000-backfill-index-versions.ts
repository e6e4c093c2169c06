import type { MigrationInterface, QueryRunner } from 'typeorm';
import { reindexResource } from '../domain/search';
import { recordVersion } from '../domain/versions';

/**
 * Entries created before the search index and the version history existed (1732300000000): index every entry that has
 * no tokens and record the current version of every published entry that has none. Runs once, at migration time — not
 * on every start. Reads through today's entities, so it stays the last migration that touches entry columns' shape.
 */
export class BackfillIndexVersions1732300100000 implements MigrationInterface {
  name = 'BackfillIndexVersions1732300100000';

  async up(q: QueryRunner): Promise<void> {
    const m = q.manager;
    const unindexed: Array<{ id: string }> = await q.query('SELECT r.id FROM data_resource r WHERE NOT EXISTS (SELECT 1 FROM search_token t WHERE t.resource_id = r.id)');
    for (const { id } of unindexed) await reindexResource(m, id);
    const unversioned: Array<{ id: string; version: number }> = await q.query(
      "SELECT r.id, r.version FROM data_resource r WHERE r.status = 'PUBLISHED' AND NOT EXISTS (SELECT 1 FROM resource_version v WHERE v.resource_id = r.id AND v.version = r.version)");
    for (const { id, version } of unversioned) await recordVersion(m, id, version);
  }

  async down(): Promise<void> {
    // Nothing to undo: the index and the versions are derived from the entries.
  }
}
