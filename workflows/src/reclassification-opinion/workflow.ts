// 001 §21: waits for the provider's opinion until its deadline; a silent provider is escalated to the authority (the
// request shows opinionOverdue, the authority may decide without the opinion).
import { condition, setHandler, workflowInfo } from '@temporalio/workflow';
// Only import the activity types: workflows run in a sandbox.
import type { ReclassificationOpinionActivities, ReclassificationOpinionInput, ReclassificationOpinionState } from './definitions';
import { reclassificationAnsweredSignal, reclassificationOpinionStateQuery } from './definitions';
import { serviceActivities } from '../activities';

export async function reclassificationOpinionWorkflow(input: ReclassificationOpinionInput): Promise<ReclassificationOpinionState> {
  const sharing = serviceActivities<ReclassificationOpinionActivities>('sharing');
  let answered = false;
  let escalated = false;
  setHandler(reclassificationAnsweredSignal, () => { answered = true; });
  setHandler(reclassificationOpinionStateQuery, () => ({ deadline: input.deadline, answered, escalated }));
  if (!(await condition(() => answered, Math.max(1, Date.parse(input.deadline) - workflowInfo().startTime.getTime())))) {
    escalated = true;
    await sharing.escalateReclassificationOpinion({ requestId: input.requestId });
  }
  return { deadline: input.deadline, answered, escalated };
}
