// The audit chain starts empty: its head row (seq 0, 64 zeros) is created by the migration, so there is nothing to seed.
import type { DataSource } from 'typeorm';

export async function seedSecurity(_ds: DataSource): Promise<void> {
  /* nothing: audit records are only ever appended by services */
}
