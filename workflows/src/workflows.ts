// Every workflow the `workflows` worker runs: this file is the bundle's entry point.
export { catalogReviewWorkflow } from './catalog-review/workflow';
export { shareApprovalWorkflow } from './sharing-approval/workflow';
export { shareGrantWorkflow } from './sharing-grant/workflow';
export { sharePushWorkflow } from './sharing-push/workflow';
export { sharePullWorkflow } from './sharing-pull/workflow';
export { auditAnchorWorkflow } from './audit-anchor/workflow';
export { catalogChangeWorkflow } from './catalog-change/workflow';
export { demandNegotiationWorkflow } from './demand/workflow';
export { openDataApplicationWorkflow } from './open-data-application/workflow';
export { openDataCaseWorkflow } from './open-data-case/workflow';
export { qualityInspectionWorkflow } from './quality-inspection/workflow';
export { qualityIssueWorkflow } from './quality-issue/workflow';
export { projectLifecycleWorkflow } from './project-lifecycle/workflow';
export { mountHealthWorkflow } from './mount-health/workflow';
export { catalogFilingWorkflow } from './catalog-filing/workflow';
export { assessmentRunWorkflow } from './assessment-run/workflow';
export { assessmentPeriodEndWorkflow } from './assessment-run/period-end.workflow';
