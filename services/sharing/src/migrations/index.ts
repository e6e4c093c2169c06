import { InitSharing1732240100000 } from './1732240100000-init-sharing';
import { Exchange1732240200000 } from './1732240200000-exchange';
import { Push1732240300000 } from './1732240300000-push';
import { PullSource1732240400000 } from './1732240400000-pull-source';
import { ClearText1732240500000 } from './1732240500000-clear-text';
import { ReclassificationDecision1732240600000 } from './1732240600000-reclassification-decision';
import { SecurityCapability1732240700000 } from './1732240700000-security-capability';
import { ReclassificationEscalation1732240800000 } from './1732240800000-reclassification-escalation';
import { StageCalendar1764700000000 } from './1764700000000-stage-calendar';
import { OverdueStages1764900000000 } from './1764900000000-overdue-stages';

export const migrations = [InitSharing1732240100000, Exchange1732240200000, Push1732240300000, PullSource1732240400000, ClearText1732240500000, ReclassificationDecision1732240600000, SecurityCapability1732240700000, ReclassificationEscalation1732240800000, StageCalendar1764700000000, OverdueStages1764900000000];
