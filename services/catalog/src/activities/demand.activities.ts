// Activities of the demand negotiation (000 §17): deadlines and escalation on the demand row; idempotent.
import type { DemandActivities } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { Demand } from '../entities/catalog-extra';
import { DemandStatus, EscalationLevel } from '../entities/enums';

const FINAL = [DemandStatus.FULFILLED, DemandStatus.REFUSED];

export function demandActivities(ds: DataSource): DemandActivities {
  const repo = () => ds.getRepository(Demand);
  return {
    async recordDemandDeadline({ demandId, deadline }) {
      await repo().update({ id: demandId, status: DemandStatus.OPEN }, { deadline: new Date(deadline) });
    },
    async markDemandAnswerOverdue({ demandId }) {
      await repo().createQueryBuilder().update()
        .set({ answerOverdue: true, escalationLevel: () => `CASE WHEN escalation_level = 'NONE' THEN 'AUTHORITY' ELSE escalation_level END` })
        .where('id = :id', { id: demandId }).execute();
    },
    async escalateDemand({ demandId, level, deadline }) {
      const d = await repo().findOneBy({ id: demandId });
      if (!d || FINAL.includes(d.status)) return;
      const rank = { NONE: 0, AUTHORITY: 1, CITY_GOVERNMENT: 2 } as const;
      if (rank[d.escalationLevel] > rank[level]) return; // never lowered
      await repo().update({ id: demandId }, {
        escalationLevel: level as EscalationLevel, deadline: deadline ? new Date(deadline) : null,
        status: d.status === DemandStatus.AGREED ? d.status : DemandStatus.ESCALATED,
      });
    },
  };
}
