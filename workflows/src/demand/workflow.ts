// Demand negotiation (000 §17). The rows are written by the mutations; this workflow owns the deadlines and escalation.
import { condition, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import { reminderInstant, workingDayDeadline } from '@gov/working-days';
// Only import the activity types: workflows run in a sandbox.
import type { DemandActivities, DemandEvent, DemandInput, DemandState } from './definitions';
import { demandEventSignal, demandStateQuery } from './definitions';
import { serviceActivities } from '../activities';
import { DEADLINE_REMINDER_PATCH } from '../deadline-step';

// Inside the sandbox `Date` is the workflow clock (deterministic on replay).
const now = (): number => new Date().getTime();

export async function demandNegotiationWorkflow(input: DemandInput): Promise<DemandState> {
  const info = workflowInfo();
  const catalog = serviceActivities<DemandActivities>('catalog');
  const events: DemandEvent['kind'][] = [];
  const state: DemandState = { demandId: input.demandId, stage: 'OPEN', deadline: null, escalation: 'NONE', answerOverdue: false };
  setHandler(demandEventSignal, (e) => { events.push(e.kind); });
  setHandler(demandStateQuery, () => state);
  const seen = (...k: DemandEvent['kind'][]) => events.some((e) => k.includes(e));
  const done = () => seen('FULFILLED', 'REFUSED');

  // A reminder timer before the answer's deadline timer (histories started before it replay without).
  const reminders = patched(DEADLINE_REMINDER_PATCH);

  // 1. The holder answers within its deadline, or the authority is told.
  const answerDeadline = workingDayDeadline(info.startTime.getTime(), input.answerWorkingDays);
  state.deadline = answerDeadline.toISOString();
  await catalog.recordDemandDeadline({ demandId: input.demandId, deadline: state.deadline });
  const isAnswered = () => seen('ANSWERED', 'AGREED', 'DISAGREED', 'REFUSED', 'FULFILLED');
  let answered: boolean;
  if (reminders) {
    // The holder is reminded when its answer is one working day away (unless it answered first).
    const remindAt = reminderInstant(answerDeadline).getTime();
    answered = remindAt > now() && await condition(isAnswered, remindAt - now());
    if (!answered && !isAnswered()) await catalog.remindDemandAnswer({ demandId: input.demandId, deadline: answerDeadline.toISOString() });
    answered = isAnswered() || await condition(isAnswered, Math.max(1, answerDeadline.getTime() - now()));
  } else {
    answered = await condition(isAnswered, Math.max(1, answerDeadline.getTime() - now()));
  }
  if (!answered) {
    state.answerOverdue = true; state.escalation = 'AUTHORITY';
    await catalog.markDemandAnswerOverdue({ demandId: input.demandId });
  }
  state.stage = 'NEGOTIATING';

  // 2. Negotiation until agreement or disagreement.
  await condition(() => seen('AGREED', 'DISAGREED', 'REFERRED') || done());
  if (seen('DISAGREED', 'REFERRED') && !seen('AGREED') && !done()) {
    // 3. The authority convenes both sides; unsettled by its deadline (or referred on), the city government decides.
    const arbitration = workingDayDeadline(now(), input.arbitrationWorkingDays);
    state.stage = 'ESCALATED'; state.escalation = 'AUTHORITY'; state.deadline = arbitration.toISOString();
    await catalog.escalateDemand({ demandId: input.demandId, level: 'AUTHORITY', deadline: state.deadline, reason: 'disagreement (000 §17)' });
    const settled = await condition(() => seen('AGREED', 'REFERRED') || done(), Math.max(1, arbitration.getTime() - now()));
    if (!settled || (seen('REFERRED') && !seen('AGREED') && !done())) {
      state.escalation = 'CITY_GOVERNMENT'; state.deadline = null;
      await catalog.escalateDemand({
        demandId: input.demandId, level: 'CITY_GOVERNMENT', deadline: null,
        reason: settled ? 'referred by the authority (000 §17)' : 'the authority did not settle it in time (000 §17)',
      });
    }
  }
  // 4. Agreement ends when the holder publishes and mounts the entry; a final refusal ends it too.
  await condition(() => done());
  state.stage = seen('FULFILLED') ? 'FULFILLED' : 'REFUSED';
  return state;
}
