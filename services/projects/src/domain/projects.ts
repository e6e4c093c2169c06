// Moving a project between steps: one conditional update, its filing, its audit record and the lifecycle workflow's
// signal, all in one transaction — a step that fails leaves nothing behind, a step retried after success conflicts.
import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, startWorkflowOnce, type AuditEntry } from '@gov/kit';
import { projectLifecycleWorkflowId, projectStageSignal, refs, type StageEntered } from '@gov/workflows';
import type { EntityManager } from 'typeorm';
import type { ProjectsContext } from '../context';
import { DigitalProject } from '../entities/digital-project';
import { DigitalProjectStatus } from '../entities/enums';
import { ProjectEvent } from '../entities/project-records';
import { omReportDues, STEP_LIMIT, stepDeadline, TERMINAL } from './rules';
import { stepNotice } from './notices';

export async function loadProject(m: EntityManager, id: string): Promise<DigitalProject> {
  const p = await m.getRepository(DigitalProject).findOneBy({ id });
  if (!p) throw new NotFoundError('DigitalProject', id);
  return p;
}

export interface Step {
  /** The filing's step name (e.g. PROCUREMENT_FILED) and what was filed. */
  event: string;
  detail: string;
  /** The new status, or null when the step files something without moving the project. */
  to: DigitalProjectStatus | null;
  patch?: Partial<DigitalProject>;
  audit?: Omit<AuditEntry, 'resourceId'>;
}

/**
 * Applies `step` to project `p` as read (its status is the optimistic lock), files it, audits it and,
 * when the status changes, tells the lifecycle workflow (started once per project) the new step and its deadline.
 */
export async function applyStep(ctx: ProjectsContext, p: DigitalProject, actor: string, step: Step): Promise<DigitalProject> {
  return ctx.ds.transaction(async (m) => {
    const now = new Date();
    const patch: Partial<DigitalProject> = { ...step.patch };
    let signal: StageEntered | null = null;
    if (step.to) {
      const limit = STEP_LIMIT[step.to];
      const d = limit ? stepDeadline(now, ctx.config.limits[limit]) : null;
      Object.assign(patch, { status: step.to, stageDeadline: d?.deadline ?? null, deadlineOfficial: d?.official ?? true, stageOverdue: false });
      signal = { stage: step.to, deadline: d?.deadline.toISOString() ?? null, terminal: TERMINAL.has(step.to) };
      if (step.to === DigitalProjectStatus.IN_OPERATION) {
        signal.omReportDues = omReportDues(now, p.procurement?.omYears ?? 3, ctx.config.limits.OM_REPORT);
      }
    }
    const changed = await m.getRepository(DigitalProject).update({ id: p.id, status: p.status }, patch as never);
    if (!changed.affected) throw new ConflictError(`digital project ${p.id} changed meanwhile (now ${(await loadProject(m, p.id)).status}); reload and retry`);
    await m.getRepository(ProjectEvent).insert({ id: randomUUID(), projectId: p.id, step: step.event, actor, detail: step.detail, createdAt: now });
    // A party's decision (APPROVE) tells the owner; a step leaving the project with a party (authority, reform, finance) tells it.
    const notify = stepNotice(p, step, step.audit?.action === 'APPROVE', ctx.config);
    await ctx.audit({
      action: 'UPDATE', resourceId: p.id, items: ['digitalProject'], detail: `${step.event}: ${step.detail}`.slice(0, 500), notify, ...step.audit,
      done: { type: 'PROJECT_STEP', id: p.id, stage: p.status, title: `信息化项目：${p.name.slice(0, 60)}`, departmentId: p.ownerDepartmentId, regionCode: p.regionCode, outcome: step.event.slice(0, 40) },
    }, m);
    if (signal) await signalLifecycle(ctx, p.id, signal);
    return loadProject(m, p.id);
  });
}

/** Last inside the transaction: if Temporal refuses, the step rolls back rather than running without its deadline. */
async function signalLifecycle(ctx: ProjectsContext, projectId: string, s: StageEntered): Promise<void> {
  const { handle } = await startWorkflowOnce(ctx.temporal, refs.projectLifecycle, {
    id: projectLifecycleWorkflowId(projectId), args: [{ projectId }], taskQueuePrefix: ctx.taskQueuePrefix,
  });
  await handle.signal(projectStageSignal, s);
}
