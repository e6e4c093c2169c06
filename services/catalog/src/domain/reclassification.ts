// 001 §21: the authority's decision to share a NOT_SHARED entry reaches the catalog as a reviewed change (basis
// RECLASSIFIED): the entry as published with only its share type, conditions and NOT_SHARED basis changed.
import { BadUserInputError, ConflictError } from '@gov/kit';
import type { EntityManager } from 'typeorm';
import { DataItem, DataResource } from '../entities/data-resource';
import { ResourceStatus, ShareType } from '../entities/enums';
import { catalogProblems, type EntryInput } from './rules';

/** The published entry with the new share type; refused when it is not a published NOT_SHARED entry. */
export async function reclassifiedEntry(m: EntityManager, r: DataResource, shareType: ShareType, shareCondition: string | null): Promise<EntryInput> {
  if (r.status !== ResourceStatus.PUBLISHED) throw new ConflictError(`only a published entry is reclassified; this entry is ${r.status}`);
  if (r.shareType !== ShareType.NOT_SHARED) throw new ConflictError(`this entry is ${r.shareType}, not NOT_SHARED`);
  if (shareType === ShareType.NOT_SHARED) throw BadUserInputError.field('input.shareType', 'a reclassification makes the entry shared');
  const items = await m.getRepository(DataItem).find({ where: { resourceId: r.id }, order: { position: 'ASC' } });
  const entry: EntryInput = {
    code: r.code, name: r.name, description: r.description, category: r.category, serviceItem: r.serviceItem, sourceSystemId: r.sourceSystemId,
    format: r.format, updateCycle: r.updateCycle, shareType, shareCondition: shareType === ShareType.CONDITIONAL ? shareCondition : null,
    notSharedBasis: null, openType: r.openType, notOpenReason: r.notOpenReason, sensitivityGrade: r.sensitivityGrade,
    provisionMode: r.provisionMode, usageModes: r.usageModes, theme: r.theme,
    items: items.map((i) => ({ name: i.name, type: i.type, length: i.length, sensitive: i.sensitive, sensitivity: i.sensitivity })),
  };
  const problems = catalogProblems(entry).map((p) => ({ field: `input.${p.field}`, reason: p.reason }));
  if (problems.length) throw new BadUserInputError(problems);
  return entry;
}
