// 001 §21: waits for the provider's opinion until its deadline; a silent provider is escalated to the authority (the
// request shows opinionOverdue, the authority may decide without the opinion).
import { condition, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import { reminderInstant } from '@gov/working-days';
// Only import the activity types: workflows run in a sandbox.
import type { ReclassificationOpinionActivities, ReclassificationOpinionInput, ReclassificationOpinionState } from './definitions';
import { reclassificationAnsweredSignal, reclassificationOpinionStateQuery } from './definitions';
import { serviceActivities } from '../activities';
import { DEADLINE_REMINDER_PATCH } from '../deadline-step';

export async function reclassificationOpinionWorkflow(input: ReclassificationOpinionInput): Promise<ReclassificationOpinionState> {
  const sharing = serviceActivities<ReclassificationOpinionActivities>('sharing');
  let answered = false;
  let escalated = false;
  setHandler(reclassificationAnsweredSignal, () => { answered = true; });
  setHandler(reclassificationOpinionStateQuery, () => ({ deadline: input.deadline, answered, escalated }));
  // A reminder timer before the deadline timer (histories started before it replay without).
  const reminders = patched(DEADLINE_REMINDER_PATCH);
  const due = Date.parse(input.deadline);
  let inTime: boolean;
  if (reminders) {
    const now = () => new Date().getTime(); // the workflow clock (deterministic in the sandbox)
    const remindAt = reminderInstant(due).getTime();
    inTime = remindAt > now() && await condition(() => answered, remindAt - now());
    if (!inTime && !answered) await sharing.remindReclassificationOpinion({ requestId: input.requestId, deadline: input.deadline });
    inTime = answered || await condition(() => answered, Math.max(1, due - now()));
  } else {
    inTime = await condition(() => answered, Math.max(1, due - workflowInfo().startTime.getTime()));
  }
  if (!inTime) {
    escalated = true;
    await sharing.escalateReclassificationOpinion({ requestId: input.requestId });
  }
  return { deadline: input.deadline, answered, escalated };
}
