import { InitAssessment1732300000000 } from './1732300000000-init-assessment';
import { AssessmentRuns1764600000000 } from './1764600000000-assessment-runs';
import { SelfAssessment1764600000001 } from './1764600000001-self-assessment';

export const migrations = [InitAssessment1732300000000, AssessmentRuns1764600000000, SelfAssessment1764600000001];
