// Quality's fields on catalog's Department and DataResource.
import { requireUser, STAFF } from '@gov/kit';
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { QualityContext } from '../context';
import { QualityIssue } from '../entities/quality-issue';
import { DataResource, Department } from '../entities/refs';
import { restrictToReadable } from './visibility';

const EXTENSION_LIMIT = 200;

@Resolver(() => Department)
export class DepartmentQualityResolver {
  @Authorized(...STAFF)
  @FieldResolver(() => [QualityIssue], { description: "the newest 200 issues on this department's data that the caller may read; page with qualityIssues" })
  qualityIssues(@Root() d: Department, @Ctx() ctx: QualityContext): Promise<QualityIssue[]> {
    return restrictToReadable(ctx.ds.getRepository(QualityIssue).createQueryBuilder('q'), requireUser(ctx))
      .andWhere('q.departmentId = :source', { source: d.id })
      .orderBy('q.createdAt', 'DESC').addOrderBy('q.id', 'DESC').take(EXTENSION_LIMIT).getMany();
  }
}

@Resolver(() => DataResource)
export class DataResourceQualityResolver {
  @Authorized(...STAFF)
  @FieldResolver(() => [QualityIssue], { description: 'the newest 200 issues raised on this entry that the caller may read' })
  qualityIssues(@Root() r: DataResource, @Ctx() ctx: QualityContext): Promise<QualityIssue[]> {
    return restrictToReadable(ctx.ds.getRepository(QualityIssue).createQueryBuilder('q'), requireUser(ctx))
      .andWhere('q.resourceId = :resource', { resource: r.id })
      .orderBy('q.createdAt', 'DESC').addOrderBy('q.id', 'DESC').take(EXTENSION_LIMIT).getMany();
  }

  @FieldResolver(() => String, { nullable: true, description: 'while quality issues on this data are open: the notice that citizens with valid papers are still served (000 §15)' })
  async qualityNotice(@Root() r: DataResource, @Ctx() ctx: QualityContext): Promise<string | null> {
    const open = await ctx.ds.getRepository(QualityIssue).createQueryBuilder('q')
      .where('q.resourceId = :r AND q.status <> :v', { r: r.id, v: 'VERIFIED' }).getCount();
    return open ? `本数据有 ${open} 项质量问题待核实：群众持有效证件照常办理，不得以数据问题拒绝（000 §15）` : null;
  }
}
