// Every workflow as a typed reference for clients (services, tests): the type comes from the implementation, the code
// does not (type-only imports are erased).
import type { WorkflowRef } from './queues';
import type * as wf from './workflows';

export const refs = {
  catalogReview: { name: 'catalogReviewWorkflow' } as WorkflowRef<typeof wf.catalogReviewWorkflow>,
  catalogChange: { name: 'catalogChangeWorkflow' } as WorkflowRef<typeof wf.catalogChangeWorkflow>,
  demandNegotiation: { name: 'demandNegotiationWorkflow' } as WorkflowRef<typeof wf.demandNegotiationWorkflow>,
  shareApproval: { name: 'shareApprovalWorkflow' } as WorkflowRef<typeof wf.shareApprovalWorkflow>,
  shareGrant: { name: 'shareGrantWorkflow' } as WorkflowRef<typeof wf.shareGrantWorkflow>,
  sharePush: { name: 'sharePushWorkflow' } as WorkflowRef<typeof wf.sharePushWorkflow>,
  sharePull: { name: 'sharePullWorkflow' } as WorkflowRef<typeof wf.sharePullWorkflow>,
  openDataApplication: { name: 'openDataApplicationWorkflow' } as WorkflowRef<typeof wf.openDataApplicationWorkflow>,
  openDataCase: { name: 'openDataCaseWorkflow' } as WorkflowRef<typeof wf.openDataCaseWorkflow>,
  auditAnchor: { name: 'auditAnchorWorkflow' } as WorkflowRef<typeof wf.auditAnchorWorkflow>,
  qualityInspection: { name: 'qualityInspectionWorkflow' } as WorkflowRef<typeof wf.qualityInspectionWorkflow>,
  qualityIssue: { name: 'qualityIssueWorkflow' } as WorkflowRef<typeof wf.qualityIssueWorkflow>,
  projectLifecycle: { name: 'projectLifecycleWorkflow' } as WorkflowRef<typeof wf.projectLifecycleWorkflow>,
  mountHealth: { name: 'mountHealthWorkflow' } as WorkflowRef<typeof wf.mountHealthWorkflow>,
  catalogFiling: { name: 'catalogFilingWorkflow' } as WorkflowRef<typeof wf.catalogFilingWorkflow>,
  reclassificationOpinion: { name: 'reclassificationOpinionWorkflow' } as WorkflowRef<typeof wf.reclassificationOpinionWorkflow>,
  assessmentRun: { name: 'assessmentRunWorkflow' } as WorkflowRef<typeof wf.assessmentRunWorkflow>,
  assessmentPeriodEnd: { name: 'assessmentPeriodEndWorkflow' } as WorkflowRef<typeof wf.assessmentPeriodEndWorkflow>,
  calendarPropagation: { name: 'calendarPropagationWorkflow' } as WorkflowRef<typeof wf.calendarPropagationWorkflow>,
} as const;
