// 004 §9: waits for the change request of a recorded law/function/system change; on the 15th working day after the
// change without one, escalates (the row turns OVERDUE, counted for assessment) and keeps waiting for the filing.
import { condition, setHandler, workflowInfo } from '@temporalio/workflow';
import { workingDayDeadline } from '@gov/working-days';
// Only import the activity types: workflows run in a sandbox.
import type { CatalogFilingActivities, CatalogFilingInput, CatalogFilingState } from './definitions';
import { changeDayStart, changeFiledSignal, filingStateQuery } from './definitions';
import { CATALOG_CHANGE_FILING_WORKING_DAYS } from '../catalog-change/definitions';
import { serviceActivities } from '../activities';

export async function catalogFilingWorkflow(input: CatalogFilingInput): Promise<CatalogFilingState> {
  const catalog = serviceActivities<CatalogFilingActivities>('catalog');
  const deadline = workingDayDeadline(changeDayStart(input.changedOn), CATALOG_CHANGE_FILING_WORKING_DAYS);
  let filed = false;
  let escalated = false;
  setHandler(changeFiledSignal, () => { filed = true; });
  setHandler(filingStateQuery, () => ({ deadline: deadline.toISOString(), filed, escalated }));

  await catalog.recordFilingDeadline({ functionChangeId: input.functionChangeId, deadline: deadline.toISOString() });
  if (!(await condition(() => filed, Math.max(1, deadline.getTime() - workflowInfo().startTime.getTime())))) {
    escalated = true;
    await catalog.escalateFiling({ functionChangeId: input.functionChangeId });
    await condition(() => filed);
  }
  return { deadline: deadline.toISOString(), filed, escalated };
}
