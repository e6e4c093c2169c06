import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '@gov/kit';
import DataLoader from 'dataloader';
import { DataItem } from './entities/data-resource';

export interface CatalogDeps {
  ds: DataSource;
  temporal: Client;
  taskQueuePrefix: string;
  reviewWorkingDays: number;
  itemsByResource: DataLoader<string, DataItem[]>;
}
export type CatalogContext = SubgraphContext<CatalogDeps>;

/** Per request: batches item loads of a whole list into one query. */
export function itemsLoader(ds: DataSource): DataLoader<string, DataItem[]> {
  return new DataLoader(async (ids) => {
    const rows = await ds.getRepository(DataItem).createQueryBuilder('i')
      .where('i.resourceId IN (:...ids)', { ids: [...ids] }).orderBy('i.position', 'ASC').getMany();
    return ids.map((id) => rows.filter((r) => r.resourceId === id));
  });
}
