// 000 §26: while an objection holds a resource suspended (quality owns objections), the exchange delivers none of it.
// Asked on every delivery, so the suspension and its lifting apply at once; quality unreachable = no delivery.
import { callSubgraphAsService } from '@gov/kit';

const QUERY = 'query($r: ID!) { dataSuspension(resourceId: $r) { suspended objectionId } }';

export async function suspensionOf(resourceId: string): Promise<{ suspended: boolean; objectionId: string | null }> {
  return (await callSubgraphAsService<{ dataSuspension: { suspended: boolean; objectionId: string | null } }>('quality', QUERY, { r: resourceId })).dataSuspension;
}
