// What the parties decide: the authority (plan as the leading-group office, technical and expert review, changes,
// final acceptance, post-evaluation, the gate), development-reform (approval) and finance (budget, final acceptance).
import { randomInt } from 'node:crypto';
import { BadUserInputError, ForbiddenError, NotFoundError, requireRegion, requireUser, regionCovers, regionOfDepartment } from '@gov/kit';
import { IsIn, Matches } from 'class-validator';
import { Arg, ArgsType, Args, Authorized, Ctx, Field, Float, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { ProjectsContext } from '../context';
import { DigitalProject } from '../entities/digital-project';
import { Expert, ProjectGate } from '../entities/project-records';
import * as steps from '../domain/lifecycle';
import { applyStep } from '../domain/projects';
import { gateOf, indicatorsOf, setGate } from '../domain/records';
import { STEP_RULES } from '../domain/rules';
import { DecisionInput, EvaluationInput, GateInput } from './digital-project.input';
import { assertParty } from './visibility';

@ArgsType()
class PanelArgs {
  @Field(() => ID) id: string;
  @Field(() => Int, { defaultValue: 5, description: 'panel size: 3, 5 or 7' }) @IsIn([3, 5, 7]) size: number;
}

@ArgsType()
class IndicatorArgs {
  @Field(() => ID) departmentId: string;
  @Field({ description: 'first day, YYYY-MM-DD' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) from: string;
  @Field({ description: 'last day (inclusive), YYYY-MM-DD' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) to: string;
}

@ObjectType({ description: "a department's digital-project indicators for a period, read by assessment (§33, 000 §28)" })
class ProjectIndicators {
  @Field() departmentId: string;
  @Field() from: string;
  @Field() to: string;
  @Field(() => Int, { description: 'projects planned for a year of the period' }) projects: number;
  @Field(() => Int, { description: 'projects accepted in the period' }) accepted: number;
  @Field(() => Int, { description: 'projects post-evaluated in the period' }) evaluated: number;
  @Field(() => Float, { nullable: true, description: 'mean post-evaluation score (0-100) of those' }) averageEvaluation: number | null;
  @Field(() => Int, { description: 'review steps of its projects that ran past their limit' }) overdueSteps: number;
  @Field(() => Int, { description: 'yearly O&M reports not filed when due' }) overdueOmReports: number;
  @Field(() => Int, { description: 'approvals refused by the assessment gate in the period' }) rejectedByGate: number;
}

async function load(ctx: ProjectsContext, id: string): Promise<DigitalProject> {
  const p = await ctx.ds.getRepository(DigitalProject).findOneBy({ id });
  if (!p) throw new NotFoundError('DigitalProject', id);
  return p;
}

@Resolver(() => DigitalProject)
export class ProjectDecisionResolver {
  @Authorized('authority', 'dept-admin', 'dept-approver')
  @Mutation(() => DigitalProject, { description: 'a decision on the step the project waits in; the step names its party (authority, development-reform or finance)' })
  async decideDigitalProject(@Arg('id', () => ID) id: string, @Arg('input', () => DecisionInput) input: DecisionInput, @Ctx() ctx: ProjectsContext) {
    const user = requireUser(ctx);
    const p = await load(ctx, id);
    const rule = STEP_RULES[input.step];
    assertParty(user, rule.party, p, ctx.config);
    if (!rule.from.includes(p.status)) throw BadUserInputError.field('step', `digital project ${p.id} is ${p.status}: ${input.step} decides ${rule.from.join(' or ')}`);
    const gate = await gateOf(ctx.ds, p.regionCode, ctx.config.defaultGate);
    return applyStep(ctx, p, user.username, { ...(await steps.decision(p, input, gate)), audit: { action: 'APPROVE', items: ['digitalProject'] } });
  }

  @Authorized('authority')
  @Mutation(() => DigitalProject, { description: 'draws the expert panel of a project of 2,000,000 CNY or more at random from the pool, without the owner department\'s experts (§14-15); the seed is recorded' })
  async drawExpertPanel(@Args(() => PanelArgs) args: PanelArgs, @Ctx() ctx: ProjectsContext) {
    const user = requireUser(ctx);
    const p = await load(ctx, args.id);
    assertParty(user, 'authority', p, ctx.config);
    const pool = await ctx.ds.getRepository(Expert).find();
    return applyStep(ctx, p, user.username, steps.panelDraw(p, pool, randomInt(0, 2 ** 31), args.size, user.username));
  }

  @Authorized('authority')
  @Mutation(() => DigitalProject, { description: 'post-evaluation of construction, use, effect and security (§33); it feeds the owner\'s assessment' })
  async evaluateDigitalProject(@Arg('id', () => ID) id: string, @Arg('input', () => EvaluationInput) input: EvaluationInput, @Ctx() ctx: ProjectsContext) {
    const user = requireUser(ctx);
    const p = await load(ctx, id);
    assertParty(user, 'authority', p, ctx.config);
    return applyStep(ctx, p, user.username, steps.evaluation(p, input, user.username));
  }

  @Authorized('authority')
  @Mutation(() => ProjectGate, { description: "the assessment gate of the caller's region: below it a department's projects are not approved (004 §35, 000 §28)" })
  async setProjectApprovalGate(@Arg('input', () => GateInput) input: GateInput, @Ctx() ctx: ProjectsContext) {
    const user = requireRegion(ctx);
    return setGate(ctx, user.region, input, user.username);
  }

  @Authorized('authority', 'assessor', 'service')
  @Query(() => ProjectIndicators, { description: "a department's project indicators for an assessment period (authority / assessor of a covering region, the platform)" })
  async projectIndicators(@Args(() => IndicatorArgs) args: IndicatorArgs, @Ctx() ctx: ProjectsContext): Promise<ProjectIndicators> {
    const user = requireUser(ctx);
    const region = regionOfDepartment(args.departmentId);
    if (!region) throw BadUserInputError.field('departmentId', 'not a department id (<region>-<kind>)');
    if (!user.isService && !(user.region && regionCovers(user.region, region))) throw new ForbiddenError(`not allowed to read the indicators of ${args.departmentId}`);
    if (args.from > args.to) throw BadUserInputError.field('to', 'must not be before from');
    const out = await indicatorsOf(ctx.ds, args.departmentId, args.from, args.to);
    await ctx.audit({ action: 'QUERY', items: ['projectIndicators'], detail: `department ${args.departmentId} ${args.from}..${args.to}` });
    return out;
  }
}
