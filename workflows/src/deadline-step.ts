// One way for a workflow to wait on a step with a deadline (issue 14): a reminder when the deadline is one working day
// ahead (`reminderInstant`: the start of the last working day), escalation once past it, and an optional interruption
// (a newly loaded calendar) that may move the deadline. Deterministic: the workflow clock, timers and recorded results only.
import { condition } from '@temporalio/workflow';
import { calendarVersion, reminderInstant, workingDayDeadline, type OfficialCalendar } from '@gov/working-days';
import type { CalendarChange } from './working-calendar/definitions';

/** Name of the patch that added the reminder timer before the deadline timer (histories without it replay as before). */
export const DEADLINE_REMINDER_PATCH = 'deadline-reminder';

// The workflow clock: inside the sandbox `Date` is deterministic (replayed from history).
const now = (): number => new Date().getTime();

export interface DeadlineStep {
  /** The step's deadline now (read at every turn: an interruption may move it). */
  deadline: () => Date;
  /** The calendars the reminder's working day is counted on (the ones the deadline was counted on). */
  calendars?: () => readonly OfficialCalendar[] | undefined;
  /** The step is over (decided, answered, withdrawn): stop waiting. */
  done: () => boolean;
  /** `patched(DEADLINE_REMINDER_PATCH)` of the calling workflow: false in a history that ran without reminders. */
  reminders: boolean;
  /** Tells the party who must act that the deadline is one working day away (idempotent activity). */
  remind: (due: Date) => Promise<void>;
  /** Past the deadline with the step still open: escalate (once). */
  escalate: () => Promise<void>;
  /** Histories without reminders counted their first wait from this instant (the workflow's start): kept for replay. */
  startedAt?: number;
  /** Something to handle while waiting (e.g. a newly loaded calendar): wakes the wait; `handle` runs, then waiting goes on. */
  interrupt?: { pending: () => boolean; handle: () => Promise<void> };
}

/**
 * Waits until the step is done; reminds once (when the reminder instant comes before the step is done) and escalates
 * once (when the deadline passes first). Returns whether the step went past its deadline. Without reminders it issues
 * exactly the commands of the former `condition(done, deadline - now)` / escalate / `condition(done)` sequence.
 */
export async function awaitDeadlineStep(s: DeadlineStep): Promise<{ overdue: boolean; reminded: boolean }> {
  let escalated = false;
  let reminded = false;
  let first = true;
  for (;;) {
    const wake = () => s.done() || (s.interrupt?.pending() ?? false);
    const due = s.deadline().getTime();
    const remindAt = reminderInstant(due, s.calendars?.()).getTime();
    if (s.reminders && !reminded && !escalated && !s.done() && remindAt <= now() && now() < due) {
      // Already within one working day of the deadline (it was moved earlier, or given that close): remind now.
      reminded = true;
      await s.remind(s.deadline());
      continue;
    }
    const remindFirst = s.reminders && !reminded && remindAt > now();
    let woke: boolean;
    if (escalated) woke = await condition(wake).then(() => true);
    else {
      const from = first && !s.reminders && s.startedAt !== undefined ? s.startedAt : now();
      woke = await condition(wake, Math.max(1, (remindFirst ? remindAt : due) - from));
    }
    first = false;
    if (s.interrupt?.pending()) await s.interrupt.handle();
    if (s.done()) return { overdue: escalated, reminded };
    if (woke || escalated) continue;
    if (now() >= s.deadline().getTime()) {
      escalated = true;
      await s.escalate();
    } else if (s.reminders && !reminded && now() >= reminderInstant(s.deadline(), s.calendars?.()).getTime()) {
      reminded = true;
      await s.remind(s.deadline());
    }
  }
}

/**
 * A step's deadline of `workingDays` working days that a newly loaded official calendar may move (issue 14): counted from
 * when the step opened on the calendars an activity returned (recorded in history, so replay counts the same), and
 * counted again from the same opening when `calendarChangedSignal` says a year's calendar was loaded.
 */
export function recountableDeadline(workingDays: number) {
  let calendars: OfficialCalendar[] | undefined;
  let openedAt = 0;
  let due = new Date(0);
  let change: CalendarChange | null = null;
  const versionOf = (d: Date) => calendarVersion(d.getTime() - 1, calendars);
  return {
    /** The calendars the activity returned (before `open`). */
    useCalendars(c: OfficialCalendar[] | undefined) { calendars = c; },
    /** Opens the step now: its deadline. */
    open(at: number): Date { openedAt = at; due = workingDayDeadline(at, workingDays, calendars); return due; },
    due: () => due,
    calendars: () => calendars,
    /** The calendar the deadline was counted on: official:<year>#<v>, shipped:<year> or statutory:<year> (provisional). */
    version: () => versionOf(due),
    /** From the signal handler: a year's calendar was loaded. */
    changed(c: CalendarChange) { change = c; },
    pending: () => change !== null,
    /** The change not counted yet (e.g. one that came between two steps). */
    pendingChange: () => change,
    /** Fetches the calendars (at least the changed version) and counts again; `record` stores and audits a change. */
    async recount(fetch: (c: CalendarChange) => Promise<OfficialCalendar[]>, record: (next: Date, version: string, previous: string) => Promise<void>): Promise<void> {
      const c = change as unknown as CalendarChange;
      change = null;
      const before = versionOf(due);
      calendars = await fetch(c);
      const next = workingDayDeadline(openedAt, workingDays, calendars);
      const version = versionOf(next);
      if (next.getTime() !== due.getTime() || version !== before) {
        await record(next, version, `${due.toISOString()} ${before}`);
        due = next;
      }
    },
  };
}
