// What the owner department files: construction plan (§13), procurement (§18-20, §22), changes (§24), termination
// (§25), the security level assessment (§32), acceptance (§26-27), the archive (§28) and yearly O&M reports (§29).
import { NotFoundError, requireUser } from '@gov/kit';
import { Length } from 'class-validator';
import { Arg, ArgsType, Args, Authorized, Ctx, Field, ID, Mutation, Resolver } from 'type-graphql';
import type { ProjectsContext } from '../context';
import { DigitalProject } from '../entities/digital-project';
import { OmReport } from '../entities/project-records';
import * as steps from '../domain/lifecycle';
import { applyStep, type Step } from '../domain/projects';
import { fileOmReport } from '../domain/records';
import {
  AcceptanceInput, ChangeInput, ConstructionPlanInput, OmReportInput, ProcurementInput, SecurityAssessmentInput, TerminationInput,
} from './digital-project.input';
import { assertOwner, assertPlanAuthor } from './visibility';

@ArgsType()
class ArchiveArgs {
  @Field(() => ID) id: string;
  @Field({ description: 'the archive reference filed with the authority' }) @Length(2, 64) archiveNo: string;
}

async function ownerStep(ctx: ProjectsContext, id: string, build: (p: DigitalProject, actor: string) => Step | Promise<Step>, author = assertOwner): Promise<DigitalProject> {
  const user = requireUser(ctx);
  const p = await ctx.ds.getRepository(DigitalProject).findOneBy({ id });
  if (!p) throw new NotFoundError('DigitalProject', id);
  author(user, p);
  return applyStep(ctx, p, user.username, await build(p, user.username));
}

@Resolver(() => DigitalProject)
export class ProjectLifecycleResolver {
  @Authorized('dept-admin', 'platform-operator')
  @Mutation(() => DigitalProject, {
    description: 'the construction plan with its resource catalog, compiled before review and approval (§13, 004 §35): by the owner, or for a unified project by the big-data centre; a new system plans sharing/open interfaces (临湘资源办法 §11)',
  })
  fileConstructionPlan(@Arg('id', () => ID) id: string, @Arg('input', () => ConstructionPlanInput) input: ConstructionPlanInput, @Ctx() ctx: ProjectsContext) {
    return ownerStep(ctx, id, (p) => steps.constructionPlan(p, input), (user, p) => assertPlanAuthor(user, p, ctx.config));
  }

  @Authorized('dept-admin')
  @Mutation(() => DigitalProject, { description: 'procurement documents and contract filed with the authority (§20); O&M at least 3 years (§19); the supervision firm (§22)' })
  recordProcurement(@Arg('id', () => ID) id: string, @Arg('input', () => ProcurementInput) input: ProcurementInput, @Ctx() ctx: ProjectsContext) {
    return ownerStep(ctx, id, (p, actor) => steps.procurement(p, input, actor));
  }

  @Authorized('dept-admin')
  @Mutation(() => DigitalProject, { description: 'a change of the construction content, for the authority to approve and file (§24)' })
  requestProjectChange(@Arg('id', () => ID) id: string, @Arg('input', () => ChangeInput) input: ChangeInput, @Ctx() ctx: ProjectsContext) {
    return ownerStep(ctx, id, (p, actor) => steps.changeRequest(p, input, actor));
  }

  @Authorized('dept-admin')
  @Mutation(() => DigitalProject, { description: 'the owner terminates for one of the causes of §25 with a written statement to the authority' })
  terminateDigitalProject(@Arg('id', () => ID) id: string, @Arg('input', () => TerminationInput) input: TerminationInput, @Ctx() ctx: ProjectsContext) {
    return ownerStep(ctx, id, (p, actor) => steps.termination(p, input, actor));
  }

  @Authorized('dept-admin')
  @Mutation(() => DigitalProject, { description: 'the security level assessment (等保测评) report of the system (§32)' })
  recordSecurityAssessment(@Arg('id', () => ID) id: string, @Arg('input', () => SecurityAssessmentInput) input: SecurityAssessmentInput, @Ctx() ctx: ProjectsContext) {
    return ownerStep(ctx, id, (p, actor) => steps.securityAssessment(p, input, actor));
  }

  @Authorized('dept-admin')
  @Mutation(() => DigitalProject, {
    description: '< 2M: the owner\'s acceptance; >= 2M: the initial acceptance before the trial run (§26). Passing needs every catalog entry published and the 等保测评 passed (004 §35, §32); failing: rectification, then payment withheld (§27)',
  })
  fileAcceptance(@Arg('id', () => ID) id: string, @Arg('input', () => AcceptanceInput) input: AcceptanceInput, @Ctx() ctx: ProjectsContext) {
    return ownerStep(ctx, id, (p) => steps.acceptance(p, input));
  }

  @Authorized('dept-admin')
  @Mutation(() => DigitalProject, { description: 'the archive filed with the authority after acceptance (§28); O&M starts' })
  fileProjectArchive(@Args(() => ArchiveArgs) args: ArchiveArgs, @Ctx() ctx: ProjectsContext) {
    return ownerStep(ctx, args.id, (p) => steps.archive(p, args.archiveNo));
  }

  @Authorized('dept-admin')
  @Mutation(() => OmReport, { description: 'the yearly O&M report (§29)' })
  async fileOmReport(@Arg('id', () => ID) id: string, @Arg('input', () => OmReportInput) input: OmReportInput, @Ctx() ctx: ProjectsContext): Promise<OmReport> {
    const user = requireUser(ctx);
    const p = await ctx.ds.getRepository(DigitalProject).findOneBy({ id });
    if (!p) throw new NotFoundError('DigitalProject', id);
    assertOwner(user, p);
    return fileOmReport(ctx, p, input, user.username);
  }
}
