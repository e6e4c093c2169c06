import { randomUUID } from 'node:crypto';
import { BadUserInputError, ConflictError, ConnectionType, ForbiddenError, NotFoundError, PageArgs, paginate, requireDepartment, requireUser, regionOfDepartment } from '@gov/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ProjectsContext } from '../context';
import { DigitalProject } from '../entities/digital-project';
import { DigitalProjectStatus } from '../entities/enums';
import { OmReport, OmReportDue, ProjectEvent } from '../entities/project-records';
import { Department } from '../entities/refs';
import { checkDeclaration, submission } from '../domain/lifecycle';
import { applyStep } from '../domain/projects';
import { checkProjectYear, needsExpertReview, omReportDues } from '../domain/rules';
import { isOfficialCalendar } from '@gov/working-days';
import { DigitalProjectFilter, DigitalProjectInput } from './digital-project.input';
import { assertOwner, canReadProjectsOf, PROJECT_READERS, restrictToReadable } from './visibility';

const DigitalProjectConnection = ConnectionType(DigitalProject, 'DigitalProject');

@Resolver(() => DigitalProject)
export class DigitalProjectResolver {
  @Authorized(...PROJECT_READERS)
  @Query(() => DigitalProject, { nullable: true, description: 'one project: its owner department, the authority / assessors of a covering region, its reform and finance deciders' })
  async digitalProject(@Arg('id', () => ID) id: string, @Ctx() ctx: ProjectsContext): Promise<DigitalProject | null> {
    const p = await ctx.ds.getRepository(DigitalProject).findOneBy({ id });
    if (!p) return null;
    if (!canReadProjectsOf(requireUser(ctx), p, ctx.config)) throw new ForbiddenError(`not allowed to read digital project ${id}`);
    await ctx.audit({ action: 'ACCESS', resourceId: p.id, items: ['digitalProject'], detail: `digitalProject ${p.id}` });
    return p;
  }

  @Authorized(...PROJECT_READERS)
  @Query(() => DigitalProjectConnection, { description: 'projects the caller may read, newest first' })
  async digitalProjects(
    @Arg('filter', () => DigitalProjectFilter, { nullable: true }) filter: DigitalProjectFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: ProjectsContext,
  ) {
    const qb = restrictToReadable(ctx.ds.getRepository(DigitalProject).createQueryBuilder('p'), requireUser(ctx), ctx.config);
    if (filter?.year) qb.andWhere('p.year = :fYear', { fYear: filter.year });
    if (filter?.status) qb.andWhere('p.status = :fStatus', { fStatus: filter.status });
    if (filter?.ownerDepartmentId) qb.andWhere('p.ownerDepartmentId = :fDept', { fDept: filter.ownerDepartmentId });
    if (filter?.overdue != null) qb.andWhere('p.stageOverdue = :fOverdue', { fOverdue: filter.overdue });
    if (filter?.keyword?.trim()) qb.andWhere('p.name LIKE :fKeyword', { fKeyword: `%${filter.keyword.trim().replace(/[%_\\]/g, '\\$&')}%` });
    const conn = await paginate(qb, page);
    await ctx.audit({ action: 'QUERY', items: ['digitalProject'], detail: `rows=${conn.edges.length}` });
    return conn;
  }

  @Authorized('dept-admin')
  @Mutation(() => DigitalProject, { description: "a department administrator declares a project of the caller's department (§10)" })
  async createDigitalProject(@Arg('input', () => DigitalProjectInput) input: DigitalProjectInput, @Ctx() ctx: ProjectsContext): Promise<DigitalProject> {
    const user = requireDepartment(ctx);
    checkProjectYear(input.year);
    checkDeclaration(input);
    return ctx.ds.transaction(async (m) => {
      if (await m.getRepository(DigitalProject).existsBy({ ownerDepartmentId: user.department, year: input.year, name: input.name })) {
        throw new ConflictError(`name: department ${user.department} already plans a project named ${input.name} for ${input.year}`);
      }
      const id = randomUUID();
      await m.getRepository(DigitalProject).insert({
        id, name: input.name, description: input.description ?? null, ownerDepartmentId: user.department, regionCode: user.region,
        year: input.year, budget: input.budget, kind: input.kind, status: DigitalProjectStatus.PLANNED, createdBy: user.username,
        fundingSource: input.fundingSource ?? null, basis: input.basis ?? null, selfBuiltReason: input.selfBuiltReason ?? null,
        yearlyInvestment: (input.yearlyInvestment ?? []).map((y) => ({ year: y.year, amount: y.amount })),
        participatingDepartmentIds: [...new Set(input.participatingDepartmentIds ?? [])], resourceIds: [], overdueSteps: [],
      });
      await m.getRepository(ProjectEvent).insert({ id: randomUUID(), projectId: id, step: 'DECLARED', actor: user.username, detail: `${input.kind} ${input.budget} CNY for ${input.year}` });
      await ctx.audit({ action: 'UPDATE', resourceId: id, items: ['digitalProject'], detail: `DECLARED ${input.name}` }, m);
      return m.getRepository(DigitalProject).findOneByOrFail({ id });
    });
  }

  @Authorized('dept-admin')
  @Mutation(() => DigitalProject, { description: 'the owner submits its declaration: to the annual plan by 30 October (§10), later to the supplementary plan with its urgency (§11)' })
  async submitDigitalProject(
    @Arg('id', () => ID) id: string,
    @Arg('urgentReason', () => String, { nullable: true, description: 'required after 30 October: why the project cannot wait (§11)' }) urgentReason: string | null,
    @Ctx() ctx: ProjectsContext,
  ): Promise<DigitalProject> {
    const user = requireUser(ctx);
    const p = await ctx.ds.getRepository(DigitalProject).findOneBy({ id });
    if (!p) throw new NotFoundError('DigitalProject', id);
    assertOwner(user, p);
    if (p.status !== DigitalProjectStatus.PLANNED && p.submittedBy === user.username) { // a retried submit: answered, not applied twice
      await ctx.audit({ action: 'ACCESS', resourceId: p.id, items: ['digitalProject'], detail: 'submit retried' });
      return p;
    }
    if (urgentReason && urgentReason.length > 2000) throw BadUserInputError.field('urgentReason', 'at most 2000 characters');
    const step = submission(p, urgentReason);
    return applyStep(ctx, p, user.username, { ...step, patch: { ...step.patch, submittedBy: user.username } });
  }

  @FieldResolver(() => Boolean, { description: 'budget of 2,000,000 CNY or more: expert panel review (§14) and two-stage acceptance (§26)' })
  needsExpertReview(@Root() p: DigitalProject): boolean {
    return needsExpertReview(p.budget);
  }

  @FieldResolver(() => Department)
  ownerDepartment(@Root() p: DigitalProject): Department {
    return { id: p.ownerDepartmentId };
  }

  @FieldResolver(() => [ProjectEvent], { description: 'every step as filed, oldest first (read with the project)' })
  history(@Root() p: DigitalProject, @Ctx() ctx: ProjectsContext): Promise<ProjectEvent[]> {
    return ctx.ds.getRepository(ProjectEvent).find({ where: { projectId: p.id }, order: { createdAt: 'ASC' } });
  }

  @FieldResolver(() => [OmReportDue], { description: 'in operation: each O&M year, when its report is due and whether it was filed (§29)' })
  async omSchedule(@Root() p: DigitalProject, @Ctx() ctx: ProjectsContext): Promise<OmReportDue[]> {
    const archived = await ctx.ds.getRepository(ProjectEvent).findOne({ where: { projectId: p.id, step: 'ARCHIVE_FILED' }, order: { createdAt: 'ASC' } });
    if (!archived) return [];
    const filed = new Map((await ctx.ds.getRepository(OmReport).findBy({ projectId: p.id })).map((r) => [r.omYear, r]));
    return omReportDues(archived.createdAt, p.procurement?.omYears ?? 3, ctx.config.limits.OM_REPORT).map(({ year, due }) => {
      const r = filed.get(year);
      return { omYear: year, due: new Date(due), official: isOfficialCalendar(Date.parse(due) - 1), filedAt: r?.filedAt ?? null, overdue: !!r?.overdue || (!r?.filedAt && Date.parse(due) < Date.now()) };
    });
  }

  @FieldResolver(() => [OmReport], { description: 'yearly O&M reports, filed or overdue (§29)' })
  omReports(@Root() p: DigitalProject, @Ctx() ctx: ProjectsContext): Promise<OmReport[]> {
    return ctx.ds.getRepository(OmReport).find({ where: { projectId: p.id }, order: { omYear: 'ASC' } });
  }
}

@Resolver(() => Department)
export class DepartmentProjectsResolver {
  @Authorized(...PROJECT_READERS)
  @FieldResolver(() => [DigitalProject], { description: "the department's digital projects, if the caller may read them (else empty)" })
  async digitalProjects(@Root() d: Department, @Ctx() ctx: ProjectsContext): Promise<DigitalProject[]> {
    if (!canReadProjectsOf(requireUser(ctx), { ownerDepartmentId: d.id, regionCode: regionOfDepartment(d.id) }, ctx.config)) return [];
    const projects = await ctx.ds.getRepository(DigitalProject).find({ where: { ownerDepartmentId: d.id }, order: { year: 'DESC', createdAt: 'DESC' } });
    await ctx.audit({ action: 'QUERY', items: ['digitalProject'], detail: `department ${d.id} rows=${projects.length}` });
    return projects;
  }
}
