import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '@gov/kit';
import DataLoader from 'dataloader';
import { DataItem } from './entities/data-resource';
import { Department } from './entities/department';

/** Built once per process. */
export interface CatalogStaticDeps {
  ds: DataSource;
  temporal: Client;
  taskQueuePrefix: string;
  reviewWorkingDays: number;
  demandAnswerWorkingDays: number;
  demandArbitrationWorkingDays: number;
}

/** Built per request: a list's items and departments load in one query each, not one per row. */
export interface CatalogLoaders {
  itemsByResource: DataLoader<string, DataItem[]>;
  departmentById: DataLoader<string, Department | null>;
}

export type CatalogContext = SubgraphContext<CatalogStaticDeps & CatalogLoaders>;

export function requestLoaders(ds: DataSource): CatalogLoaders {
  return {
    itemsByResource: new DataLoader(async (ids) => {
      const rows = await ds.getRepository(DataItem).createQueryBuilder('i')
        .where('i.resourceId IN (:...ids)', { ids: [...ids] }).orderBy('i.position', 'ASC').getMany();
      const byResource = new Map<string, DataItem[]>();
      for (const r of rows) byResource.set(r.resourceId, [...(byResource.get(r.resourceId) ?? []), r]);
      return ids.map((id) => byResource.get(id) ?? []);
    }),
    departmentById: new DataLoader(async (ids) => {
      const rows = await ds.getRepository(Department).createQueryBuilder('d').where('d.id IN (:...ids)', { ids: [...ids] }).getMany();
      const byId = new Map(rows.map((d) => [d.id, d]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
