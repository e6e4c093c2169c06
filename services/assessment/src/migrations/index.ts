import { InitAssessment1732300000000 } from './1732300000000-init-assessment';

export const migrations = [InitAssessment1732300000000];
