// Cross-field catalog rules (the edge validators check each field alone).
import { BadUserInputError, type FieldProblem } from '@gov/kit';
import { OpenType, ShareType } from '../entities/enums';
import type { DataResourceInput } from './data-resource.input';

export function checkCatalogRules(input: DataResourceInput): void {
  const problems: FieldProblem[] = [];
  if (input.shareType === ShareType.NOT_SHARED && !input.notSharedBasis?.trim()) {
    problems.push({ field: 'notSharedBasis', reason: 'NOT_SHARED requires its legal basis (004 §7)' });
  }
  if (input.shareType === ShareType.CONDITIONAL && !input.shareCondition?.trim()) {
    problems.push({ field: 'shareCondition', reason: 'CONDITIONAL sharing must state its conditions' });
  }
  if (input.openType === OpenType.NOT_OPEN && !input.notOpenReason?.trim()) {
    problems.push({ field: 'notOpenReason', reason: 'NOT_OPEN requires a reason' });
  }
  const seen = new Set<string>();
  input.items.forEach((item, i) => {
    if (seen.has(item.name)) problems.push({ field: `items.${i}.name`, reason: `duplicate data item "${item.name}"` });
    seen.add(item.name);
  });
  if (problems.length) throw new BadUserInputError(problems);
}
