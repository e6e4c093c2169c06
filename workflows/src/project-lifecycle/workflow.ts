// The lifecycle of a digital project (001 临湘项目办法 §10-33): the projects service moves the project between steps
// and tells this workflow which step it entered; the workflow owns the time limits — a review past its working-day
// limit is marked overdue (it shows on the project and on the owner's assessment indicators), and in operation each
// yearly O&M report (§29) not filed by its due date is marked overdue.
import { condition, patched, setHandler } from '@temporalio/workflow';
import { reminderInstant } from '@gov/working-days';
import type { ProjectLifecycleActivities, ProjectLifecycleInput, StageEntered } from './definitions';
import { projectStageSignal, projectStateQuery } from './definitions';
import { serviceActivities } from '../activities';
import { DEADLINE_REMINDER_PATCH } from '../deadline-step';

// The workflow clock: inside the sandbox `Date` is deterministic (replayed from history).
const now = (): number => new Date().getTime();

export async function projectLifecycleWorkflow(input: ProjectLifecycleInput): Promise<void> {
  const projects = serviceActivities<ProjectLifecycleActivities>('projects');
  const queue: StageEntered[] = [];
  let current: StageEntered | null = null;
  const overdue: string[] = [];

  setHandler(projectStageSignal, (s) => { queue.push(s); });
  setHandler(projectStateQuery, () => ({ projectId: input.projectId, stage: current?.stage ?? null, deadline: current?.deadline ?? null, overdue }));

  // A reminder timer before each deadline timer (histories started before it replay without).
  const reminders = patched(DEADLINE_REMINDER_PATCH);
  /** Waits until `done` or `due`, reminding once when the due instant is one working day away; true if done in time. */
  async function remindedWait(done: () => boolean, due: string, remind: () => Promise<void>): Promise<boolean> {
    const remindAt = reminderInstant(Date.parse(due)).getTime();
    if (remindAt > now() && await condition(done, remindAt - now())) return true;
    if (!done()) await remind();
    return done() || condition(done, Math.max(1, Date.parse(due) - now()));
  }

  for (;;) {
    await condition(() => queue.length > 0);
    current = queue.shift()!;
    if (current.omReportDues?.length) {
      // O&M: each year's report has its due date; a later step (termination, evaluation) interrupts nothing here.
      for (const { year, due } of current.omReportDues) {
        const ended = () => queue.some((s) => s.terminal);
        const moved = reminders ? await remindedWait(ended, due, () => projects.remindOmReport({ projectId: input.projectId, year, due }))
          : await condition(ended, Math.max(1, Date.parse(due) - now()));
        if (moved) break;
        await projects.markOmReportOverdue({ projectId: input.projectId, year });
        overdue.push(`OM_REPORT_${year}`);
      }
      if (queue.length === 0) return;
      continue;
    }
    if (current.terminal) return;
    if (!current.deadline) continue;
    const deadline = current.deadline;
    const step = current.stage;
    const movedOn = () => queue.length > 0;
    const moved = reminders ? await remindedWait(movedOn, deadline, () => projects.remindProjectStep({ projectId: input.projectId, stage: step, deadline }))
      : await condition(movedOn, Math.max(1, Date.parse(deadline) - now()));
    if (!moved) {
      await projects.markProjectStepOverdue({ projectId: input.projectId, stage: current.stage, deadline });
      overdue.push(current.stage);
    }
  }
}
