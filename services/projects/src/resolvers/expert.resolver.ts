// The expert pool (评审专家库, §15): the city's authority establishes and updates it; panels are drawn from it.
import { randomUUID } from 'node:crypto';
import { ForbiddenError, isCity, NotFoundError, requireRegion } from '@gov/kit';
import { Length } from 'class-validator';
import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import type { ProjectsContext } from '../context';
import { Expert } from '../entities/project-records';

@InputType()
class ExpertInput {
  @Field() @Length(2, 64) name: string;
  @Field({ description: 'employer; a department id (<region>-<kind>) keeps the expert off that department\'s projects' }) @Length(2, 80) affiliation: string;
  @Field() @Length(2, 64) field: string;
}

@Resolver(() => Expert)
export class ExpertResolver {
  @Authorized('authority')
  @Query(() => [Expert], { description: 'the expert pool (§15), by name' })
  async projectExperts(@Ctx() ctx: ProjectsContext): Promise<Expert[]> {
    const experts = await ctx.ds.getRepository(Expert).find({ order: { name: 'ASC' } });
    await ctx.audit({ action: 'QUERY', items: ['projectExpert'], detail: `rows=${experts.length}` });
    return experts;
  }

  @Authorized('authority')
  @Mutation(() => Expert, { description: "the city's authority adds an expert to the pool (§15)" })
  async addProjectExpert(@Arg('input', () => ExpertInput) input: ExpertInput, @Ctx() ctx: ProjectsContext): Promise<Expert> {
    if (!isCity(requireRegion(ctx).region)) throw new ForbiddenError("the city's authority keeps the expert pool (§15)");
    return ctx.ds.transaction(async (m) => {
      const id = randomUUID();
      await m.getRepository(Expert).insert({ id, ...input, active: true });
      await ctx.audit({ action: 'UPDATE', resourceId: id, items: ['projectExpert'], detail: `added ${input.field}` }, m);
      return m.getRepository(Expert).findOneByOrFail({ id });
    });
  }

  @Authorized('authority')
  @Mutation(() => Expert, { description: 'takes an expert out of (or back into) the draw; past panels keep their members' })
  async setProjectExpertActive(@Arg('id', () => ID) id: string, @Arg('active') active: boolean, @Ctx() ctx: ProjectsContext): Promise<Expert> {
    if (!isCity(requireRegion(ctx).region)) throw new ForbiddenError("the city's authority keeps the expert pool (§15)");
    return ctx.ds.transaction(async (m) => {
      const changed = await m.getRepository(Expert).update({ id }, { active });
      if (!changed.affected) throw new NotFoundError('Expert', id);
      await ctx.audit({ action: 'UPDATE', resourceId: id, items: ['projectExpert'], detail: `active=${active}` }, m);
      return m.getRepository(Expert).findOneByOrFail({ id });
    });
  }
}
