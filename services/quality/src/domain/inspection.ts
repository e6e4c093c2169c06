// One inspection run (000 §14): reads the resource's records through sharing's record stream, evaluates every active
// rule in one pass, stores counts per rule, scores per dimension and failing record ids (never values), and opens one
// issue per failing rule (one open issue per rule and resource, not one per run).
import { auditAs, commonConfig, type CommonConfig } from '@gov/kit';
import type { DataSource } from 'typeorm';
import { InspectionStatus, InspectionTrigger, QualityCheck, QualityDimension } from '../entities/enums';
import { InspectionRuleResult, InspectionRun } from '../entities/inspection';
import { QualityIssue } from '../entities/quality-issue';
import { fetchCatalogResourceAsPlatform } from './catalog';
import { ensureDefaultRules, latestRules, toSpec } from './rule-store';
import { evaluate } from './evaluate';
import { CHECK_DIMENSION, scores } from './checks';
import { openIssuesForFailures, type OpenedIssue } from './issues';

export const INSPECTOR = { username: 'quality-inspection', sub: 'quality-inspection' };

export interface InspectInput { runId: string; resourceId: string; trigger: string; requestedBy: string }
export interface InspectResult { runId: string; status: string; score: number | null; recordCount: number; opened: OpenedIssue[] }

export async function inspectResource(ds: DataSource, input: InspectInput, deps: { config?: CommonConfig; afterCommit?: (opened: OpenedIssue[]) => Promise<void> } = {}): Promise<InspectResult> {
  const config = deps.config ?? commonConfig();
  const runs = ds.getRepository(InspectionRun);
  const done = await runs.findOneBy({ id: input.runId });
  if (done && done.status !== InspectionStatus.RUNNING) {
    // A retry after the commit: the issues this run opened whose workflow never started its first round get it now.
    const waiting = await ds.getRepository(QualityIssue).findBy({ runId: done.id, round: 0 });
    await deps.afterCommit?.(waiting.map((i) => ({ id: i.id, workingDays: i.workingDays })));
    return { runId: done.id, status: done.status, score: done.score, recordCount: done.recordCount, opened: [] };
  }
  const resource = await fetchCatalogResourceAsPlatform(input.resourceId, config);
  if (!resource) { // nothing to retry: the run (if any) says why
    await runs.update({ id: input.runId }, { status: InspectionStatus.FAILED, error: `catalog has no entry ${input.resourceId}`, finishedAt: new Date() });
    return { runId: input.runId, status: InspectionStatus.FAILED, score: null, recordCount: 0, opened: [] };
  }
  const started = new Date();
  if (!done) {
    await runs.insert({
      id: input.runId, resourceId: resource.id, departmentId: resource.departmentId, regionCode: resource.regionCode,
      trigger: input.trigger as InspectionTrigger, status: InspectionStatus.RUNNING, recordCount: 0, score: null, dimensionScores: null,
      durationMs: null, error: null, requestedBy: input.requestedBy.slice(0, 64), startedAt: started, finishedAt: null,
    }).catch(async (e) => { if (!(await runs.existsBy({ id: input.runId }))) throw e; });
  }
  if (resource.status !== 'PUBLISHED') {
    await runs.update({ id: input.runId }, { status: InspectionStatus.FAILED, error: `the entry is ${resource.status}: only published resources are inspected`, finishedAt: new Date() });
    return { runId: input.runId, status: InspectionStatus.FAILED, score: null, recordCount: 0, opened: [] };
  }
  await ensureDefaultRules(ds, resource);
  const active = (await latestRules(ds, resource.id)).filter((r) => r.active);
  const specs = active.map(toSpec);
  const { outcomes, records } = await evaluate(resource, specs, config, started);
  const s = scores(specs, outcomes);
  const actor = { ...INSPECTOR, department: resource.departmentId, region: resource.regionCode };
  const opened = await ds.transaction(async (m) => {
    await m.getRepository(InspectionRuleResult).delete({ runId: input.runId }); // a retried attempt writes its counts once
    if (outcomes.length) {
      await m.getRepository(InspectionRuleResult).insert(outcomes.map((o, i) => ({
        runId: input.runId, ruleCode: o.code, ruleVersion: active[i].version, check: specs[i].check as QualityCheck,
        dimension: CHECK_DIMENSION[specs[i].check] as QualityDimension, checked: o.checked, failed: o.failed, failingIds: o.failingRecordIds,
      })));
    }
    await m.getRepository(InspectionRun).update({ id: input.runId }, {
      status: InspectionStatus.DONE, recordCount: records, score: s.OVERALL, dimensionScores: s, durationMs: Date.now() - started.getTime(), finishedAt: new Date(),
    });
    const o = await openIssuesForFailures(m, resource, input.runId, outcomes.map((x, i) => ({ ...x, rule: specs[i] })));
    await auditAs(actor, {
      action: 'VERIFY', resourceId: resource.id, items: [...new Set(specs.flatMap((r) => r.items))],
      detail: `inspection run=${input.runId} records=${records} rules=${specs.length} score=${s.OVERALL ?? '-'} issues+${o.length}`,
    }, { requestId: `quality-run-${input.runId}`, source: 'quality', manager: m });
    return o;
  });
  await deps.afterCommit?.(opened);
  return { runId: input.runId, status: InspectionStatus.DONE, score: s.OVERALL, recordCount: records, opened };
}
