// 000 §26: while an objection holds a resource suspended (quality owns objections), the exchange delivers none of it.
// Asked on every delivery, so the suspension and its lifting apply at once; quality unreachable = no delivery.
import { callSubgraphAsService } from '@gov/kit';

const QUERY = 'query($r: ID!) { dataSuspension(resourceId: $r) { suspended objectionId } }';

export async function suspensionOf(resourceId: string): Promise<{ suspended: boolean; objectionId: string | null }> {
  return (await callSubgraphAsService<{ dataSuspension: { suspended: boolean; objectionId: string | null } }>('quality', QUERY, { r: resourceId })).dataSuspension;
}

/** Why nothing of the resource may be delivered now (000 §26), or null. */
export async function suspendedBecause(resourceId: string): Promise<string | null> {
  const held = await suspensionOf(resourceId);
  return held.suspended ? `000 §26: the data of this resource is suspended while objection ${held.objectionId} is verified; nothing is delivered` : null;
}
