import { ApprovalStage } from '../entities/enums';
import type { ShareApplication } from '../entities/share-application';
import { deliveryOf } from './indicators';

const app = (decisions: Array<{ stage: string; at: string }>, stage: ApprovalStage | null = null) =>
  ({ decisions: decisions.map((d) => ({ ...d, approve: true, actor: 'x' })), stage } as unknown as ShareApplication);

describe('deliveries on time (000 §17: 1 working day after filing)', () => {
  test('delivered by the end of the next working day is on time; later is late', () => {
    // Filed Friday 2026-03-06 10:00 China time: due by the end of Monday 2026-03-09.
    expect(deliveryOf(app([{ stage: 'FILING', at: '2026-03-06T02:00:00Z' }, { stage: 'DELIVERY', at: '2026-03-09T09:00:00Z' }]))).toBe('onTime');
    expect(deliveryOf(app([{ stage: 'FILING', at: '2026-03-06T02:00:00Z' }, { stage: 'DELIVERY', at: '2026-03-10T02:00:00Z' }]))).toBe('late');
  });
  test('not yet filed counts nothing; open past its limit is late', () => {
    expect(deliveryOf(app([]))).toBe('none');
    expect(deliveryOf(app([{ stage: 'FILING', at: '2026-03-06T02:00:00Z' }], ApprovalStage.DELIVERY), new Date('2026-03-08T00:00:00Z'))).toBe('none');
    expect(deliveryOf(app([{ stage: 'FILING', at: '2026-03-06T02:00:00Z' }], ApprovalStage.DELIVERY), new Date('2026-03-12T00:00:00Z'))).toBe('late');
  });
});
