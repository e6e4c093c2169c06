import { randomUUID } from 'node:crypto';
import { ConflictError, ConnectionType, ForbiddenError, NotFoundError, PageArgs, paginate, requireDepartment, requireUser, regionOfDepartment } from '@gov/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ProjectsContext } from '../context';
import { DigitalProject } from '../entities/digital-project';
import { DigitalProjectStatus } from '../entities/enums';
import { DigitalProjectFilter, DigitalProjectInput } from './digital-project.input';
import { checkProjectYear, needsExpertReview } from '../domain/rules';
import { canReadProjectsOf, PROJECT_READERS, restrictToReadable } from './visibility';
import { Department } from '../entities/refs';

const DigitalProjectConnection = ConnectionType(DigitalProject, 'DigitalProject');

@Resolver(() => DigitalProject)
export class DigitalProjectResolver {
  @Authorized(...PROJECT_READERS)
  @Query(() => DigitalProject, { nullable: true, description: 'one project: its owner department, or the authority / assessors of a covering region' })
  async digitalProject(@Arg('id', () => ID) id: string, @Ctx() ctx: ProjectsContext): Promise<DigitalProject | null> {
    const p = await ctx.ds.getRepository(DigitalProject).findOneBy({ id });
    if (!p) return null;
    if (!canReadProjectsOf(requireUser(ctx), p)) throw new ForbiddenError(`not allowed to read digital project ${id}`);
    await ctx.audit({ action: 'ACCESS', items: ['digitalProject'], detail: `digitalProject ${p.id}` });
    return p;
  }

  @Authorized(...PROJECT_READERS)
  @Query(() => DigitalProjectConnection, { description: 'projects the caller may read, newest first' })
  async digitalProjects(
    @Arg('filter', () => DigitalProjectFilter, { nullable: true }) filter: DigitalProjectFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: ProjectsContext,
  ) {
    const qb = restrictToReadable(ctx.ds.getRepository(DigitalProject).createQueryBuilder('p'), requireUser(ctx));
    if (filter?.year) qb.andWhere('p.year = :fYear', { fYear: filter.year });
    if (filter?.status) qb.andWhere('p.status = :fStatus', { fStatus: filter.status });
    if (filter?.ownerDepartmentId) qb.andWhere('p.ownerDepartmentId = :fDept', { fDept: filter.ownerDepartmentId });
    const conn = await paginate(qb, page);
    await ctx.audit({ action: 'QUERY', items: ['digitalProject'], detail: `rows=${conn.edges.length}` });
    return conn;
  }

  @Authorized('dept-admin')
  @Mutation(() => DigitalProject, { description: "a department administrator plans a project of the caller's department" })
  async createDigitalProject(@Arg('input', () => DigitalProjectInput) input: DigitalProjectInput, @Ctx() ctx: ProjectsContext): Promise<DigitalProject> {
    const user = requireDepartment(ctx);
    checkProjectYear(input.year);
    return ctx.ds.transaction(async (m) => {
      if (await m.getRepository(DigitalProject).existsBy({ ownerDepartmentId: user.department, year: input.year, name: input.name })) {
        throw new ConflictError(`name: department ${user.department} already plans a project named ${input.name} for ${input.year}`);
      }
      const id = randomUUID();
      await m.getRepository(DigitalProject).insert({
        id, name: input.name, description: input.description ?? null, ownerDepartmentId: user.department, regionCode: user.region,
        year: input.year, budget: input.budget, kind: input.kind, status: DigitalProjectStatus.PLANNED, createdBy: user.username,
      });
      return m.getRepository(DigitalProject).findOneByOrFail({ id });
    });
  }

  @Authorized('dept-admin')
  @Mutation(() => DigitalProject, { description: 'the owner department declares a planned project (PLANNED -> SUBMITTED); retrying is harmless' })
  async submitDigitalProject(@Arg('id', () => ID) id: string, @Ctx() ctx: ProjectsContext): Promise<DigitalProject> {
    const user = requireUser(ctx);
    const repo = ctx.ds.getRepository(DigitalProject);
    const p = await repo.findOneBy({ id });
    if (!p) throw new NotFoundError('DigitalProject', id);
    if (user.department !== p.ownerDepartmentId) throw new ForbiddenError('only the owner department submits its projects');
    if (p.status === DigitalProjectStatus.SUBMITTED) return p;
    return ctx.ds.transaction(async (m) => {
      const changed = await m.getRepository(DigitalProject).update(
        { id, status: DigitalProjectStatus.PLANNED },
        { status: DigitalProjectStatus.SUBMITTED, submittedAt: new Date(), submittedBy: user.username },
      );
      if (!changed.affected) throw new ConflictError('the project changed meanwhile; reload and retry');
      return m.getRepository(DigitalProject).findOneByOrFail({ id });
    });
  }

  @FieldResolver(() => Boolean, { description: 'budget of 2,000,000 CNY or more: technical review by an expert panel (001 临湘项目办法 §14)' })
  needsExpertReview(@Root() p: DigitalProject): boolean {
    return needsExpertReview(p.budget);
  }

  @FieldResolver(() => Department)
  ownerDepartment(@Root() p: DigitalProject): Department {
    return { id: p.ownerDepartmentId };
  }
}

@Resolver(() => Department)
export class DepartmentProjectsResolver {
  @Authorized(...PROJECT_READERS)
  @FieldResolver(() => [DigitalProject], { description: "the department's digital projects, if the caller may read them (else empty)" })
  async digitalProjects(@Root() d: Department, @Ctx() ctx: ProjectsContext): Promise<DigitalProject[]> {
    if (!canReadProjectsOf(requireUser(ctx), { ownerDepartmentId: d.id, regionCode: regionOfDepartment(d.id) })) return [];
    const projects = await ctx.ds.getRepository(DigitalProject).find({ where: { ownerDepartmentId: d.id }, order: { year: 'DESC', createdAt: 'DESC' } });
    await ctx.audit({ action: 'QUERY', items: ['digitalProject'], detail: `department ${d.id} rows=${projects.length}` });
    return projects;
  }
}
