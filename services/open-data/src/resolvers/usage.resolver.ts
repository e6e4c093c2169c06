// Usage statistics (issue 10 §9): public, per dataset, with monthly series. Aggregates only: no personal data.
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { OpenDataContext } from '../context';
import { OpenDataset } from '../entities/open-dataset';
import { casesAndApplicationsOf, usageOf } from '../domain/usage';
import { OpenDatasetUsage } from './usage.types';

@Resolver(() => OpenDataset)
export class OpenDatasetUsageResolver {
  @FieldResolver(() => OpenDatasetUsage, { description: 'public usage statistics of the dataset' })
  async usage(@Root() d: OpenDataset, @Ctx() ctx: OpenDataContext): Promise<OpenDatasetUsage> {
    const [rows, other] = await Promise.all([usageOf(ctx.ds, d.id), casesAndApplicationsOf(ctx.ds, d.id)]);
    const sum = (kind: string) => rows.filter((r) => r.kind === kind).reduce((s, r) => s + r.count, 0);
    const byFormat = new Map<string, number>();
    for (const r of rows) if (r.kind === 'DOWNLOAD') byFormat.set(r.format, (byFormat.get(r.format) ?? 0) + r.count);
    const months = [...new Set(rows.map((r) => r.month))].sort();
    const inMonth = (m: string, kind: string) => rows.filter((r) => r.month === m && r.kind === kind).reduce((s, r) => s + r.count, 0);
    return {
      views: sum('VIEW'), downloads: sum('DOWNLOAD'), apiCalls: sum('API'), ...other,
      downloadsByFormat: [...byFormat].map(([format, count]) => ({ format, count })).sort((a, b) => a.format.localeCompare(b.format)),
      monthly: months.map((month) => ({ month, views: inMonth(month, 'VIEW'), downloads: inMonth(month, 'DOWNLOAD'), apiCalls: inMonth(month, 'API') })),
    };
  }
}
