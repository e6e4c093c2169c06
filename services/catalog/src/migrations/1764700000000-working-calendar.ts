import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 14: the official working-day calendar per year, versioned, owned by the authority's catalog ledger. */
export class WorkingCalendar1764700000000 implements MigrationInterface {
  name = 'WorkingCalendar1764700000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE working_calendar (
      year INT NOT NULL,
      version INT NOT NULL,
      holidays JSON NOT NULL,
      workdays JSON NOT NULL,
      basis VARCHAR(500) NOT NULL,
      loaded_by VARCHAR(64) NOT NULL,
      loaded_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (year, version)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS working_calendar');
  }
}
