// The grade policy (000 §24-25): one platform-wide table of treatments by grade, usage mode and item sensitivity.
import type { EntityManager } from 'typeorm';
import { GradePolicyRule } from '../entities/grade-policy-rule';
import type { ItemTreatment, SensitivityGrade, ShareUsageMode } from '../entities/enums';

export interface PolicyCell { grade: SensitivityGrade; usageMode: ShareUsageMode; itemSensitivity: SensitivityGrade; treatment: ItemTreatment }

/** Sets one cell; answers the cell and what it said before (for the audit record). */
export async function setCell(m: EntityManager, cell: PolicyCell, updatedBy: string): Promise<{ rule: GradePolicyRule; before: ItemTreatment | null }> {
  const repo = m.getRepository(GradePolicyRule);
  const key = { grade: cell.grade, usageMode: cell.usageMode, itemSensitivity: cell.itemSensitivity };
  const before = await repo.findOneBy(key);
  await repo.save({ ...key, treatment: cell.treatment, updatedBy });
  return { rule: await repo.findOneByOrFail(key), before: before?.treatment ?? null };
}
