// Activities of the demand negotiation (000 §17): deadlines and escalation on the demand row; idempotent.
import type { DemandActivities } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { Demand } from '../entities/demand';
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
      // One conditional UPDATE: never lowers the level, never touches a closed demand, leaves the status to the mutations
      // (a concurrent agreement must not be overwritten).
      const rank = "FIELD(escalation_level, 'NONE', 'AUTHORITY', 'CITY_GOVERNMENT')";
      await repo().createQueryBuilder().update()
        .set({ escalationLevel: level as EscalationLevel, deadline: deadline ? new Date(deadline) : null })
        .where(`id = :id AND status NOT IN (:...final) AND ${rank} <= FIELD(:level, 'NONE', 'AUTHORITY', 'CITY_GOVERNMENT')`, { id: demandId, final: FINAL, level })
        .execute();
    },
  };
}
