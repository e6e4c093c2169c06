// Activities of the demand negotiation (000 §17): deadlines and escalation on the demand row; idempotent.
import { auditAs } from '@gov/kit';
import type { DemandActivities } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { Demand } from '../entities/demand';
import { DemandStatus, EscalationLevel } from '../entities/enums';
import { demandAnswerEscalationNotice, demandAnswerReminderNotice, demandEscalatedNotice, workflowActor } from '../domain/deadline-notices';

const FINAL = [DemandStatus.FULFILLED, DemandStatus.REFUSED];
const LEVELS = [EscalationLevel.NONE, EscalationLevel.AUTHORITY, EscalationLevel.CITY_GOVERNMENT];

export function demandActivities(ds: DataSource): DemandActivities {
  const repo = () => ds.getRepository(Demand);
  return {
    async recordDemandDeadline({ demandId, deadline }) {
      await repo().update({ id: demandId, status: DemandStatus.OPEN }, { deadline: new Date(deadline) });
    },
    async markDemandAnswerOverdue({ demandId }) {
      await ds.transaction(async (m) => {
        const r = await m.getRepository(Demand).createQueryBuilder().update()
          .set({ answerOverdue: true, escalationLevel: () => `CASE WHEN escalation_level = 'NONE' THEN 'AUTHORITY' ELSE escalation_level END` })
          .where('id = :id AND NOT answer_overdue', { id: demandId }).execute();
        if (!r.affected) return; // a retried activity: recorded and told once
        const d = await m.getRepository(Demand).findOneByOrFail({ id: demandId });
        // The authority of the holder's region and the late holder are told (issue 14 §4).
        await auditAs(workflowActor('demand-negotiation', d.holderDepartmentId, d.holderRegionCode), {
          action: 'UPDATE', resourceId: d.resourceId, detail: `demand ${demandId} unanswered in time: escalated to the authority (000 §17)`, notify: demandAnswerEscalationNotice(d),
        }, { requestId: `demand-${demandId}`, source: 'catalog', manager: m });
      });
    },
    async remindDemandAnswer({ demandId, deadline }) {
      const d = await repo().findOneBy({ id: demandId, status: DemandStatus.OPEN });
      if (!d) return; // answered meanwhile
      await auditAs(workflowActor('demand-negotiation', d.holderDepartmentId, d.holderRegionCode), {
        action: 'ACCESS', resourceId: d.resourceId, detail: `demand ${demandId} answer due ${deadline}: reminder one working day ahead`, notify: demandAnswerReminderNotice(d),
      }, { requestId: `demand-${demandId}`, source: 'catalog', once: `demand-${demandId}:${deadline}:reminder` });
    },
    async escalateDemand({ demandId, level, deadline }) {
      // One conditional UPDATE: never lowers the level, never touches a closed demand, leaves the status to the mutations
      // (a concurrent agreement must not be overwritten).
      const rank = "FIELD(escalation_level, 'NONE', 'AUTHORITY', 'CITY_GOVERNMENT')";
      await ds.transaction(async (m) => {
        // A dispute raised the level itself (its mutation told the authority): only a rise made here is told here.
        const before = await m.getRepository(Demand).findOne({ where: { id: demandId }, lock: { mode: 'pessimistic_write' } });
        const raised = !!before && LEVELS.indexOf(before.escalationLevel) < LEVELS.indexOf(level as EscalationLevel);
        const r = await m.getRepository(Demand).createQueryBuilder().update()
          .set({ escalationLevel: level as EscalationLevel, deadline: deadline ? new Date(deadline) : null })
          .where(`id = :id AND status NOT IN (:...final) AND ${rank} <= FIELD(:level, 'NONE', 'AUTHORITY', 'CITY_GOVERNMENT')`, { id: demandId, final: FINAL, level })
          .execute();
        if (!r.affected) return;
        const d = await m.getRepository(Demand).findOneByOrFail({ id: demandId });
        // Told once per level, however often the activity is retried (the update above repeats harmlessly).
        await auditAs(workflowActor('demand-negotiation', d.holderDepartmentId, d.holderRegionCode), {
          action: 'UPDATE', resourceId: d.resourceId, detail: `demand ${demandId} escalated to ${level}${deadline ? ` until ${deadline}` : ''}`,
          notify: raised ? demandEscalatedNotice(d, level as 'AUTHORITY' | 'CITY_GOVERNMENT') : null,
        }, { requestId: `demand-${demandId}`, source: 'catalog', manager: m, once: `demand-${demandId}:escalated:${level}` });
      });
    },
  };
}
