import { registerEnumType } from 'type-graphql';

export enum AssessmentPeriodStatus { PLANNED = 'PLANNED', OPEN = 'OPEN', CLOSED = 'CLOSED' }

registerEnumType(AssessmentPeriodStatus, { name: 'AssessmentPeriodStatus', description: '计划中 / 考核中 / 已结束' });

export enum IndicatorUnit { RATE = 'RATE', COUNT = 'COUNT' }
export enum IndicatorDirection { HIGHER_BETTER = 'HIGHER_BETTER', LOWER_BETTER = 'LOWER_BETTER' }
export enum IndicatorSource { CATALOG = 'catalog', SHARING = 'sharing', QUALITY = 'quality', OPEN_DATA = 'open-data', SECURITY = 'security', PROJECTS = 'projects' }
export enum AssessmentRunStatus { RUNNING = 'RUNNING', COMPLETED = 'COMPLETED', FAILED = 'FAILED' }

registerEnumType(IndicatorUnit, { name: 'IndicatorUnit', description: 'RATE: a share in [0, 1]; COUNT: a number of cases, normalised within the level' });
registerEnumType(IndicatorDirection, { name: 'IndicatorDirection' });
registerEnumType(IndicatorSource, { name: 'IndicatorSource', description: 'the subgraph that computes the fact from its own rows' });
registerEnumType(AssessmentRunStatus, { name: 'AssessmentRunStatus' });
