// The fix rounds of one quality issue: deadline in working days, escalation when overdue, verification, reopen.
import { condition, patched, setHandler } from '@temporalio/workflow';
import { workingDayDeadline } from '@gov/working-days';
import type { IssueVerdict, QualityIssueActivities, QualityIssueProcessInput, QualityIssueState } from './definitions';
import { issueFixedSignal, issueVerdictSignal, qualityIssueStateQuery } from './definitions';
import { serviceActivities } from '../activities';
import { DEADLINE_REMINDER_PATCH, awaitDeadlineStep } from '../deadline-step';
// The workflow clock: inside the sandbox `Date` is deterministic (replayed from history).
const now = (): number => new Date().getTime();

export async function qualityIssueWorkflow(input: QualityIssueProcessInput): Promise<{ rounds: number; overdueRounds: number[] }> {
  const quality = serviceActivities<QualityIssueActivities>('quality', { startToCloseTimeout: '10 minutes' });
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

  // A reminder timer before each round's deadline timer (histories started before it replay without).
  const reminders = patched(DEADLINE_REMINDER_PATCH);
  for (;;) {
    round++;
    phase = 'WAITING_FIX';
    verdict = null;
    deadline = workingDayDeadline(now(), input.workingDays);
    await quality.openRound({ issueId: input.issueId, round, deadline: deadline.toISOString() });
    const due = deadline;
    await awaitDeadlineStep({
      deadline: () => due, done: () => fixedRound >= round, reminders,
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
