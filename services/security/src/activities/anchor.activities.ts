// Activities on security's own task queue: the daily anchoring of the audit chain.
import type { AuditAnchorActivities } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import type { SigningKey } from '../domain/anchor';
import { anchorDay } from '../domain/anchors';

export function securityActivities(deps: { ds: DataSource; signer: SigningKey }): AuditAnchorActivities {
  return {
    async anchorAuditDay({ day }) {
      const a = await anchorDay(deps, day);
      return { day: a.day, anchorId: a.id, recordCount: a.recordCount, merkleRoot: a.merkleRoot };
    },
  };
}
