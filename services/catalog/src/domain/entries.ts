// Writing a catalog entry's fields and items from an EntryInput: one place for create, draft edit, an approved
// change and spreadsheet import. Always inside the caller's transaction; the search index follows in the same one.
import { randomUUID } from 'node:crypto';
import { BadUserInputError } from '@gov/kit';
import type { EntityManager } from 'typeorm';
import { InformationSystem } from '../entities/information-system';
import { DataItem, DataResource } from '../entities/data-resource';
import { SensitivityGrade } from '../entities/enums';
import { itemSensitivity, type EntryInput } from './rules';
import { reindexResource } from './search';

export function entryFields(input: EntryInput): Partial<DataResource> {
  return {
    code: input.code, name: input.name, description: input.description ?? null, category: input.category,
    serviceItem: input.serviceItem?.trim() || null, sourceSystemId: input.sourceSystemId || null, format: input.format,
    updateCycle: input.updateCycle, shareType: input.shareType, shareCondition: input.shareCondition ?? null,
    notSharedBasis: input.notSharedBasis ?? null, openType: input.openType, notOpenReason: input.notOpenReason ?? null,
    sensitivityGrade: input.sensitivityGrade as SensitivityGrade, provisionMode: input.provisionMode, usageModes: input.usageModes,
    theme: input.theme?.trim() || null,
  };
}

/** The source system must be one of the department's own inventoried systems. */
export async function checkSourceSystem(m: EntityManager, input: EntryInput, departmentId: string, field = 'sourceSystemId'): Promise<void> {
  if (!input.sourceSystemId) return;
  if (!(await m.getRepository(InformationSystem).existsBy({ id: input.sourceSystemId, departmentId }))) {
    throw BadUserInputError.field(field, `no information system ${input.sourceSystemId} in department ${departmentId}'s inventory`);
  }
}

export async function writeItems(m: EntityManager, resourceId: string, input: EntryInput): Promise<void> {
  await m.getRepository(DataItem).delete({ resourceId });
  await m.getRepository(DataItem).insert(input.items.map((it, position) => {
    const sensitivity = itemSensitivity(it, input.sensitivityGrade);
    return { id: randomUUID(), resourceId, position, name: it.name, type: it.type, length: it.length ?? null, sensitivity, sensitive: sensitivity !== SensitivityGrade.NONE };
  }));
  await reindexResource(m, resourceId);
}
