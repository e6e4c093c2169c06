// Conditional open-data application (000 §21, 003 §26): the provider decides within 7 working days; past the limit the
// application is escalated to the authority and stays marked overdue until the provider decides.
import { condition, setHandler } from '@temporalio/workflow';
import { workingDayDeadline } from '@gov/working-days';
import { serviceActivities } from '../activities';
import type { OpenDataApplicationActivities, OpenDataApplicationInput, OpenDataDecision } from './definitions';
import { OPEN_DATA_DECISION_WORKING_DAYS, openDataDecisionSignal } from './definitions';

// The workflow clock: inside the sandbox `Date` is deterministic (replayed from history).
const now = (): number => new Date().getTime();

export async function openDataApplicationWorkflow(input: OpenDataApplicationInput): Promise<{ approved: boolean; overdue: boolean }> {
  const openData = serviceActivities<OpenDataApplicationActivities>('open-data');
  let decision: OpenDataDecision | null = null;
  // Only the first decision counts (a repeated signal is a no-op).
  setHandler(openDataDecisionSignal, (d) => { decision ??= d; });

  const deadline = workingDayDeadline(now(), OPEN_DATA_DECISION_WORKING_DAYS);
  await openData.openReview({ applicationId: input.applicationId, deadline: deadline.toISOString() });
  let overdue = false;
  if (!(await condition(() => decision !== null, Math.max(1, deadline.getTime() - now())))) {
    overdue = true;
    await openData.escalateApplication({ applicationId: input.applicationId });
    await condition(() => decision !== null);
  }
  const d = decision as unknown as OpenDataDecision;
  await openData.recordApplicationDecision({ applicationId: input.applicationId, decision: d });
  return { approved: d.approve, overdue };
}
