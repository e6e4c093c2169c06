import { afterProbe, MOUNT_OUTAGE_AFTER_FAILURES } from './definitions';

describe('000 §13, §18 mount health: consecutive failed probes open an outage', () => {
  test('000 §18: the third consecutive failure opens an outage; a success in between resets the count', () => {
    expect(MOUNT_OUTAGE_AFTER_FAILURES).toBe(3);
    expect(afterProbe(0, false)).toEqual({ health: 'DOWN', failures: 1 });
    expect(afterProbe(1, false)).toEqual({ health: 'DOWN', failures: 2 });
    expect(afterProbe(2, false)).toEqual({ health: 'OUTAGE', failures: 3 });
    expect(afterProbe(2, true)).toEqual({ health: 'UP', failures: 0 });
  });
});
