import { registerEnumType } from 'type-graphql';

export enum AssessmentPeriodStatus { PLANNED = 'PLANNED', OPEN = 'OPEN', CLOSED = 'CLOSED' }

registerEnumType(AssessmentPeriodStatus, { name: 'AssessmentPeriodStatus', description: '计划中 / 考核中 / 已结束' });
