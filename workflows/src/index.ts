// What services and tests import: definitions and queue names, never workflow implementations.
export * from './queues';
export * from './catalog-review/definitions';
export * from './audit-anchor/definitions';
export * from './catalog-change/definitions';
export * from './demand/definitions';
