// How the gateway loads security entities, and the Department stub this subgraph extends.
import type { ReferenceResolvers } from '@gov/kit';
import type { SecurityContext } from '../context';
import { AuditRecord } from '../entities/audit-record';
import { canReadAuditOf } from './visibility';

export const references: ReferenceResolvers = {
  Department: (ref: { id: string }) => ({ id: ref.id }),
  // The same rule as auditRecord(id): a record outside the caller's scope resolves to null, never to the record.
  AuditRecord: async (ref: { id: string }, ctx: SecurityContext) => {
    const r = await ctx.ds.getRepository(AuditRecord).findOneBy({ id: ref.id });
    return r && ctx.user && canReadAuditOf(ctx.user, r.regionCode) ? r : null;
  },
};
