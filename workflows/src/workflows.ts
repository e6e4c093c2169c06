// Every workflow the `workflows` worker runs: this file is the bundle's entry point.
export { catalogReviewWorkflow } from './catalog-review/workflow';
export { auditAnchorWorkflow } from './audit-anchor/workflow';
export { catalogChangeWorkflow } from './catalog-change/workflow';
export { demandNegotiationWorkflow } from './demand/workflow';
