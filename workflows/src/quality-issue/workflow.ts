// The fix rounds of one quality issue: deadline in working days, escalation when overdue, verification, reopen.
import { condition, patched, setHandler } from '@temporalio/workflow';
import { workingDayDeadline } from '@gov/working-days';
import type { IssueVerdict, QualityIssueActivities, QualityIssueProcessInput, QualityIssueState } from './definitions';
import { issueFixedSignal, issueVerdictSignal, qualityIssueStateQuery } from './definitions';
import { serviceActivities } from '../activities';
import { DEADLINE_REMINDER_PATCH, awaitDeadlineStep, recountableDeadline } from '../deadline-step';
import { calendarChangedSignal, type CalendarActivities } from '../working-calendar/definitions';
// The workflow clock: inside the sandbox `Date` is deterministic (replayed from history).
const now = (): number => new Date().getTime();

export async function qualityIssueWorkflow(input: QualityIssueProcessInput): Promise<{ rounds: number; overdueRounds: number[] }> {
  const quality = serviceActivities<QualityIssueActivities & CalendarActivities>('quality', { startToCloseTimeout: '10 minutes' });
  let round = 0;
  let deadline: Date | null = null;
  let phase: QualityIssueState['phase'] = 'WAITING_FIX';
  let fixedRound = 0;
  let verdict: IssueVerdict | null = null;
  const overdueRounds: number[] = [];

  // A fix counts for its round (it may arrive before the workflow opened round 1); an older round's is stale.
  setHandler(issueFixedSignal, (s) => { fixedRound = Math.max(fixedRound, s.round); });
  setHandler(issueVerdictSignal, (v) => { if (v.round === round && !verdict) verdict = v; });
  setHandler(qualityIssueStateQuery, () => ({ round, deadline: deadline?.toISOString() ?? null, phase, overdueRounds }));

  // A reminder timer before each round's deadline timer; the deadline counted on the loaded official calendars and
  // again when one is loaded (histories started before either replay without).
  const reminders = patched(DEADLINE_REMINDER_PATCH);
  const calendarAware = patched('official-calendar');
  let clock = recountableDeadline(input.workingDays);
  let calendars: Awaited<ReturnType<typeof quality.officialCalendars>> | undefined;
  setHandler(calendarChangedSignal, (c) => { if (calendarAware) clock.changed(c); });
  if (calendarAware) calendars = await quality.officialCalendars();
  for (;;) {
    round++;
    phase = 'WAITING_FIX';
    verdict = null;
    if (calendarAware) {
      // A calendar loaded while the last round was being verified: this round counts on it.
      if (clock.pending()) calendars = await quality.officialCalendars(clock.pendingChange());
      clock = recountableDeadline(input.workingDays);
      clock.useCalendars(calendars);
      deadline = clock.open(now());
    } else {
      deadline = workingDayDeadline(now(), input.workingDays);
    }
    await quality.openRound({ issueId: input.issueId, round, deadline: deadline.toISOString(), ...(calendarAware ? { calendarVersion: clock.version() } : {}) });
    const due = deadline;
    const r = round;
    await awaitDeadlineStep({
      deadline: () => (calendarAware ? clock.due() : due), calendars: () => clock.calendars(), done: () => fixedRound >= round, reminders,
      interrupt: {
        pending: () => clock.pending(),
        handle: async () => {
          await clock.recount((c) => quality.officialCalendars(c), (next, calendarVersion, previous) =>
            quality.recountRound({ issueId: input.issueId, round: r, deadline: next.toISOString(), calendarVersion, previous }));
          calendars = clock.calendars();
          deadline = clock.due();
        },
      },
      remind: (at) => quality.remindRound({ issueId: input.issueId, round, deadline: at.toISOString() }),
      escalate: async () => {
        overdueRounds.push(round);
        await quality.escalateIssue({ issueId: input.issueId, round });
      },
    });
    phase = 'VERIFYING';
    const auto = await quality.verifyByRerun({ issueId: input.issueId, round });
    let passed = auto.passed, note = auto.note, actor = 'platform';
    if (!auto.auto) {
      await condition(() => verdict !== null);
      const v = verdict as unknown as IssueVerdict;
      passed = v.accepted; note = v.note; actor = v.actor;
    }
    await quality.closeRound({ issueId: input.issueId, round, passed, note, actor });
    if (passed) { phase = 'DONE'; return { rounds: round, overdueRounds }; }
  }
}
