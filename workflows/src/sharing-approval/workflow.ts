// Conditional-sharing approval (000 §17, 004 §22-23, 001 §21): each step has a working-day limit; a step past its
// limit is escalated to the authority and stays marked overdue while it still waits for its decision. The applicant
// may withdraw at any step before delivery and may dispute a rejection (the authority arbitrates).
import { ParentClosePolicy, condition, patched, setHandler, startChild } from '@temporalio/workflow';
import { calendarVersion, workingDayDeadline, type OfficialCalendar } from '@gov/working-days';
import type { ApprovalStage, Dispute, ShareApprovalActivities, ShareApprovalInput, ShareApprovalOutcome, StageDecision } from './definitions';
import {
  DISPUTE_WINDOW_WORKING_DAYS, STAGE_WORKING_DAYS, approvalPath, approvalStateQuery, disputeSignal, stageDecisionSignal, withdrawSignal,
} from './definitions';
import { shareGrantWorkflowId } from '../sharing-grant/definitions';
import { shareGrantWorkflow } from '../sharing-grant/workflow';
// The workflow clock: inside the sandbox `Date` is deterministic (replayed from history).
const now = (): number => new Date().getTime();
import { serviceActivities } from '../activities';
import { calendarChangedSignal, type CalendarActivities, type CalendarChange } from '../working-calendar/definitions';
import { DEADLINE_REMINDER_PATCH, awaitDeadlineStep } from '../deadline-step';

export async function shareApprovalWorkflow(input: ShareApprovalInput): Promise<ShareApprovalOutcome> {
  const sharing = serviceActivities<ShareApprovalActivities & CalendarActivities>('sharing');
  // The loaded official calendars come from an activity: recorded in history, so a replay counts the same deadlines.
  // (Histories started before this change replay without it.)
  const calendarAware = patched('official-calendar');
  // A reminder timer before each step's deadline timer (histories started before it replay without).
  const reminders = patched(DEADLINE_REMINDER_PATCH);
  let calendars: OfficialCalendar[] | undefined;
  let recount: CalendarChange | null = null;

  const path = approvalPath(input);
  let stage: ApprovalStage | null = null;
  let deadline: Date | null = null;
  let decision: StageDecision | null = null;
  let withdrawn = false;
  let dispute: Dispute | null = null;
  let outcome: ShareApprovalOutcome['outcome'] | null = null;
  const overdueStages: ApprovalStage[] = [];

  // Only a decision for the step now open counts, and only the first one (a repeated signal is a no-op).
  setHandler(stageDecisionSignal, (d) => { if (d.stage === stage && decision === null) decision = d; });
  setHandler(withdrawSignal, () => { if (outcome === null) withdrawn = true; });
  setHandler(disputeSignal, (d) => { dispute ??= d; });
  setHandler(calendarChangedSignal, (c) => { if (calendarAware) recount = c; });
  setHandler(approvalStateQuery, () => ({
    applicationId: input.applicationId, path, stage, deadline: deadline?.toISOString() ?? null,
    calendarVersion: deadline ? calendarVersion(deadline.getTime() - 1, calendars) : null, overdueStages, outcome,
  }));

  // Handlers first: a query or signal right after the start must find them while the calendars load.
  if (calendarAware) calendars = await sharing.officialCalendars();

  const finish = (o: ShareApprovalOutcome['outcome'], grantId: string | null = null): ShareApprovalOutcome => {
    outcome = o;
    return { applicationId: input.applicationId, outcome: o, grantId, overdueStages };
  };

  /** Opens a step, waits for its decision (escalating once past the limit); null when the applicant withdrew. */
  async function runStage(s: ApprovalStage): Promise<StageDecision | null> {
    stage = s;
    decision = null;
    const openedAt = now();
    let due = workingDayDeadline(openedAt, STAGE_WORKING_DAYS[s], calendars);
    deadline = due;
    const versionOf = (d: Date) => calendarVersion(d.getTime() - 1, calendars);
    await sharing.enterStage({ applicationId: input.applicationId, stage: s, deadline: due.toISOString(), ...(calendarAware ? { calendarVersion: versionOf(due) } : {}) });
    await awaitDeadlineStep({
      deadline: () => due, calendars: () => calendars, reminders,
      done: () => decision !== null || withdrawn,
      remind: (at) => sharing.remindStage({ applicationId: input.applicationId, stage: s, deadline: at.toISOString() }),
      escalate: async () => {
        overdueStages.push(s);
        await sharing.markStageOverdue({ applicationId: input.applicationId, stage: s });
      },
      interrupt: {
        pending: () => recount !== null,
        handle: async () => {
          // A newly loaded official calendar: count this step's limit again from when it opened.
          const change = recount as unknown as CalendarChange;
          recount = null;
          const before = versionOf(due);
          calendars = await sharing.officialCalendars(change);
          const next = workingDayDeadline(openedAt, STAGE_WORKING_DAYS[s], calendars);
          if (next.getTime() !== due.getTime() || versionOf(next) !== before) {
            await sharing.recountStage({ applicationId: input.applicationId, stage: s, deadline: next.toISOString(), calendarVersion: versionOf(next), previous: `${due.toISOString()} ${before}` });
            due = next;
            deadline = next;
          }
        },
      },
    });
    if (withdrawn) return null;
    const d = decision as unknown as StageDecision;
    await sharing.recordDecision({ applicationId: input.applicationId, decision: d });
    return d;
  }

  for (let i = 0; i < path.length; i++) {
    const d = await runStage(path[i]);
    if (!d) {
      await sharing.closeApplication({ applicationId: input.applicationId, status: 'WITHDRAWN' });
      return finish('WITHDRAWN');
    }
    if (d.approve) continue;
    // A rejection: final unless the applicant disputes it in time; the authority's arbitration then decides.
    stage = null;
    const disputeBy = workingDayDeadline(now(), DISPUTE_WINDOW_WORKING_DAYS, calendars);
    await sharing.awaitDispute({ applicationId: input.applicationId, deadline: disputeBy.toISOString() });
    const disputed = await condition(() => dispute !== null || withdrawn, Math.max(1, disputeBy.getTime() - now()));
    if (!disputed || withdrawn || !dispute) {
      await sharing.closeApplication({ applicationId: input.applicationId, status: withdrawn ? 'WITHDRAWN' : 'REJECTED', reason: d.reason });
      return finish(withdrawn ? 'WITHDRAWN' : 'REJECTED');
    }
    await sharing.startArbitration({ applicationId: input.applicationId, reason: (dispute as Dispute).reason });
    const ruling = await runStage('ARBITRATION');
    if (!ruling || !ruling.approve) {
      await sharing.closeApplication({ applicationId: input.applicationId, status: ruling ? 'REJECTED' : 'WITHDRAWN', reason: ruling?.reason });
      return finish(ruling ? 'REJECTED' : 'WITHDRAWN');
    }
    // Overruled: go on with the step after the one that rejected (filing, delivery).
    dispute = null;
  }

  stage = null;
  const grant = await sharing.grantFromApplication({ applicationId: input.applicationId });
  // The grant outlives this workflow: its own timer ends it.
  await startChild(shareGrantWorkflow, {
    workflowId: shareGrantWorkflowId(grant.grantId), args: [{ grantId: grant.grantId, expiresAt: grant.expiresAt }],
    parentClosePolicy: ParentClosePolicy.ABANDON,
  });
  return finish('GRANTED', grant.grantId);
}
