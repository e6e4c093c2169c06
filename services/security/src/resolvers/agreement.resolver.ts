// Data-use agreements per grant (000 §24): recorded by sharing's service identity, read by the consumer and oversight.
import { canAccessDepartment, ForbiddenError, requireUser } from '@gov/kit';
import { sm4Decrypt } from '@gov/gm-crypto';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SecurityContext } from '../context';
import { DataUseAgreement } from '../entities/data-use-agreement';
import { agreementHash, recordAgreement } from '../domain/agreements';
import { RecordAgreementInput } from './agreement.input';

@Resolver(() => DataUseAgreement)
export class AgreementResolver {
  @Authorized('service')
  @Mutation(() => DataUseAgreement, { description: 'sharing records the agreement signed for a grant (000 §24); the same agreement again is a no-op' })
  async recordAgreement(@Arg('input', () => RecordAgreementInput) input: RecordAgreementInput, @Ctx() ctx: SecurityContext): Promise<DataUseAgreement> {
    const user = requireUser(ctx);
    const textHash = agreementHash(input);
    return ctx.ds.transaction(async (m) => {
      const { agreement, existed } = await recordAgreement(m, ctx.keyring, input, textHash, user.username);
      await ctx.audit({ action: 'UPDATE', grantId: input.grantId, resourceId: input.resourceId, items: ['dataUseAgreement'], detail: `agreement sm3 ${textHash}${existed ? ' (already recorded)' : ''}` }, m);
      return agreement;
    });
  }

  @Authorized('service', 'authority', 'platform-operator', 'dept-admin', 'dept-approver', 'dept-user')
  @Query(() => DataUseAgreement, { nullable: true, description: 'the agreement of a grant: the consumer department, the authority / operator of a covering region, services' })
  async agreementForGrant(@Arg('grantId') grantId: string, @Ctx() ctx: SecurityContext): Promise<DataUseAgreement | null> {
    const user = requireUser(ctx);
    const a = await ctx.ds.getRepository(DataUseAgreement).findOneBy({ grantId });
    if (!a) return null;
    if (!canAccessDepartment(user, { departmentId: a.consumerDepartmentId, regionCode: a.consumerRegionCode })) {
      throw new ForbiddenError(`not allowed to read the agreement of grant ${grantId}`);
    }
    await ctx.audit({ action: 'ACCESS', grantId, resourceId: a.resourceId, items: ['dataUseAgreement'] });
    return a;
  }

  @FieldResolver(() => String, { description: 'who signed for the consumer department' })
  signedBy(@Root() a: DataUseAgreement, @Ctx() ctx: SecurityContext): string {
    return sm4Decrypt(a.signedByEnc, ctx.keyring);
  }

  @FieldResolver(() => String, { nullable: true, description: 'the full text, when it was recorded' })
  text(@Root() a: DataUseAgreement, @Ctx() ctx: SecurityContext): string | null {
    return a.textEnc ? sm4Decrypt(a.textEnc, ctx.keyring) : null;
  }
}
