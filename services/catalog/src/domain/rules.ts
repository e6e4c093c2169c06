// Cross-field catalog rules (the edge validators check each field alone).
import { BadUserInputError, type FieldProblem } from '@gov/kit';
import {
  GRADE_RANK, OpenType, type DataFormat, type ItemType, type ProvisionMode, ResourceCategory, SensitivityGrade, ShareType,
  type UpdateCycle, type UsageMode,
} from '../entities/enums';

/** A data item as a department writes it (the GraphQL DataItemInput, a spreadsheet row, a stored change request). */
export interface EntryItemInput {
  name: string;
  type: ItemType;
  length?: number | null;
  sensitive: boolean;
  sensitivity?: SensitivityGrade | null;
}

/** A catalog entry as a department writes it: the domain's view of DataResourceInput (resolvers/data-resource.input.ts). */
export interface EntryInput {
  code: string;
  name: string;
  description?: string | null;
  category: ResourceCategory;
  serviceItem?: string | null;
  sourceSystemId?: string | null;
  format: DataFormat;
  updateCycle: UpdateCycle;
  shareType: ShareType;
  shareCondition?: string | null;
  notSharedBasis?: string | null;
  openType: OpenType;
  notOpenReason?: string | null;
  sensitivityGrade: SensitivityGrade | null;
  provisionMode: ProvisionMode;
  usageModes: UsageMode[];
  theme?: string | null;
  items: EntryItemInput[];
}

/** The item's grade: explicit, else the resource grade when flagged sensitive, else NONE. */
export function itemSensitivity(item: EntryItemInput, grade: SensitivityGrade | null): SensitivityGrade {
  if (item.sensitivity) return item.sensitivity;
  if (!item.sensitive) return SensitivityGrade.NONE;
  return !grade || grade === SensitivityGrade.NONE ? SensitivityGrade.LOW : grade;
}

export function catalogProblems(input: EntryInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!input.sensitivityGrade) problems.push({ field: 'sensitivityGrade', reason: 'every entry needs a sensitivity grade (000 §8)' });
  if (input.shareType === ShareType.NOT_SHARED && !input.notSharedBasis?.trim()) {
    problems.push({ field: 'notSharedBasis', reason: 'NOT_SHARED requires its legal basis (004 §7)' });
  }
  if (input.shareType === ShareType.CONDITIONAL && !input.shareCondition?.trim()) {
    problems.push({ field: 'shareCondition', reason: 'CONDITIONAL sharing must state its conditions' });
  }
  if (input.openType === OpenType.NOT_OPEN && !input.notOpenReason?.trim()) {
    problems.push({ field: 'notOpenReason', reason: 'NOT_OPEN requires a reason' });
  }
  if (input.category === ResourceCategory.THEME && !input.theme?.trim()) {
    problems.push({ field: 'theme', reason: 'a THEME resource names its theme (004 §15)' });
  }
  if (new Set(input.usageModes ?? []).size !== (input.usageModes ?? []).length) problems.push({ field: 'usageModes', reason: 'a usage mode is listed twice' });
  const seen = new Set<string>();
  input.items.forEach((item, i) => {
    if (seen.has(item.name)) problems.push({ field: `items.${i}.name`, reason: `duplicate data item "${item.name}"` });
    seen.add(item.name);
    if (input.sensitivityGrade && GRADE_RANK[itemSensitivity(item, input.sensitivityGrade)] > GRADE_RANK[input.sensitivityGrade]) {
      problems.push({ field: `items.${i}.sensitivity`, reason: `item "${item.name}" is more sensitive than the resource grade ${input.sensitivityGrade} (000 §8)` });
    }
  });
  return problems;
}

export function checkCatalogRules(input: EntryInput): void {
  const problems = catalogProblems(input);
  if (problems.length) throw new BadUserInputError(problems);
}
