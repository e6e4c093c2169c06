import { auditAnchorWorkflowId, previousChinaDay } from './definitions';

describe('000 §25 daily anchoring: which day the schedule anchors', () => {
  test('the China day before the start: 00:10 in Beijing (16:10 UTC the day before) anchors yesterday in Beijing', () => {
    expect(previousChinaDay(Date.parse('2026-01-04T16:10:00Z'))).toBe('2026-01-04'); // 2026-01-05 00:10 Beijing
    expect(previousChinaDay(Date.parse('2026-01-05T15:59:59Z'))).toBe('2026-01-04'); // 2026-01-05 23:59 Beijing
    expect(previousChinaDay(Date.parse('2026-03-01T00:00:00Z'))).toBe('2026-02-28');
  });
  test('one workflow per day: the id is the business key', () => {
    expect(auditAnchorWorkflowId('2026-01-04')).toBe('audit-anchor-2026-01-04');
  });
});
