// What services and tests import: definitions and queue names, never workflow implementations.
export * from './queues';
export * from './catalog-review/definitions';
export * from './sharing-approval/definitions';
export * from './sharing-grant/definitions';
export * from './sharing-push/definitions';
export * from './sharing-pull/definitions';
export * from './audit-anchor/definitions';
export * from './catalog-change/definitions';
export * from './demand/definitions';
export * from './open-data-application/definitions';
export * from './open-data-case/definitions';
export * from './quality-inspection/definitions';
export * from './quality-issue/definitions';
export * from './project-lifecycle/definitions';
export * from './assessment-run/definitions';
export * from './refs';
