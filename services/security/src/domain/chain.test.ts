import { createHash } from 'node:crypto';
import { auditHash, canonicalJson, ChainVerifier, GENESIS_HASH, type AuditFields, type ChainedRecord } from './chain';

function fields(seq: number, over: Partial<AuditFields> = {}): AuditFields {
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`, seq, actor: 'city-wjw-user', actorSub: 'sub-1',
    departmentId: '420600-wjw', regionCode: '420600', action: 'QUERY', resourceId: 'res-1', grantId: null, scenario: '医保核验',
    items: ['姓名', '公民身份号码'], outcome: 'SUCCESS', requestId: `req-${seq}`, detail: null, source: null, at: new Date(Date.UTC(2026, 0, 5, 8, 0, 0, seq)), ...over,
  };
}

function chain(n: number): ChainedRecord[] {
  const out: ChainedRecord[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const f = fields(seq);
    const hash = auditHash(prev, f);
    out.push({ ...f, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

function verify(records: ChainedRecord[], from = 1, prev = GENESIS_HASH, to = records.at(-1)?.seq ?? 0) {
  const v = new ChainVerifier(from, prev);
  for (const r of records) if (!v.push(r)) break;
  v.finish(to);
  return { ok: v.ok, checked: v.checked, firstBrokenSeq: v.firstBrokenSeq };
}

describe('canonical form', () => {
  test('keys sorted, no whitespace, nulls explicit, time as ISO UTC with milliseconds', () => {
    const json = canonicalJson(fields(1, { grantId: null, scenario: null }));
    expect(json).toBe('{"action":"QUERY","actor":"city-wjw-user","actorSub":"sub-1","at":"2026-01-05T08:00:00.001Z",'
      + '"departmentId":"420600-wjw","grantId":null,"id":"00000000-0000-4000-8000-000000000001","items":["姓名","公民身份号码"],'
      + '"outcome":"SUCCESS","regionCode":"420600","requestId":"req-1","resourceId":"res-1","scenario":null,"seq":1}');
  });

  test('does not depend on the order the properties were set in', () => {
    const f = fields(3);
    const reordered = Object.fromEntries(Object.entries(f).reverse()) as unknown as AuditFields;
    expect(canonicalJson(reordered)).toBe(canonicalJson(f));
  });

  test('undefined optional fields hash like null', () => {
    const f = fields(2, { resourceId: null });
    expect(canonicalJson({ ...f, resourceId: undefined as unknown as null })).toBe(canonicalJson(f));
  });

  test('004 §33: detail and source are covered when set, and records written before they existed hash as before', () => {
    const f = fields(1);
    expect(canonicalJson(f)).not.toContain('detail');
    const withDetail = canonicalJson({ ...f, detail: 'rows=20', source: 'open-data' });
    expect(withDetail).toContain('"detail":"rows=20"');
    expect(withDetail).toContain('"source":"open-data"');
    expect(auditHash(GENESIS_HASH, { ...f, detail: 'rows=20' })).not.toBe(auditHash(GENESIS_HASH, { ...f, detail: 'rows=21' }));
  });

  test('the anonymous public: department and region null', () => {
    expect(canonicalJson(fields(1, { departmentId: null, regionCode: null }))).toContain('"departmentId":null');
  });

  test('the order of data items is significant', () => {
    expect(canonicalJson(fields(1, { items: ['a', 'b'] }))).not.toBe(canonicalJson(fields(1, { items: ['b', 'a'] })));
  });
});

describe('hash', () => {
  test('node:crypto SM3 matches the GB/T 32905 test vector "abc"', () => {
    expect(createHash('sm3').update('abc').digest('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  test('hash = SM3(prevHash || canonical JSON), 64 lower-case hex digits', () => {
    const f = fields(1);
    const expected = createHash('sm3').update(GENESIS_HASH + canonicalJson(f), 'utf8').digest('hex');
    expect(auditHash(GENESIS_HASH, f)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  test('changes with the predecessor and with any field', () => {
    const f = fields(1);
    const h = auditHash(GENESIS_HASH, f);
    expect(auditHash('f'.repeat(64), f)).not.toBe(h);
    expect(auditHash(GENESIS_HASH, { ...f, outcome: 'DENIED' })).not.toBe(h);
    expect(auditHash(GENESIS_HASH, { ...f, at: new Date(f.at.getTime() + 1) })).not.toBe(h);
  });
});

describe('chain verification', () => {
  test('the first record links to 64 zeros; an intact chain verifies', () => {
    const c = chain(5);
    expect(c[0].prevHash).toBe('0'.repeat(64));
    expect(c[1].prevHash).toBe(c[0].hash);
    expect(verify(c)).toEqual({ ok: true, checked: 5, firstBrokenSeq: null });
  });

  test('an empty range is intact', () => {
    expect(verify([], 1, GENESIS_HASH, 0)).toEqual({ ok: true, checked: 0, firstBrokenSeq: null });
  });

  test('an altered field breaks at that record', () => {
    const c = chain(5);
    c[2] = { ...c[2], actor: 'someone-else' };
    expect(verify(c)).toEqual({ ok: false, checked: 2, firstBrokenSeq: 3 });
  });

  test('a record re-hashed after alteration breaks at its successor', () => {
    const c = chain(5);
    const altered = { ...c[2], scenario: '别的场景' };
    c[2] = { ...altered, hash: auditHash(altered.prevHash, altered) };
    expect(verify(c)).toEqual({ ok: false, checked: 3, firstBrokenSeq: 4 });
  });

  test('a removed record breaks at its seq, also at the tail', () => {
    const c = chain(5);
    expect(verify([...c.slice(0, 1), ...c.slice(2)])).toEqual({ ok: false, checked: 1, firstBrokenSeq: 2 });
    expect(verify(c.slice(0, 4), 1, GENESIS_HASH, 5)).toEqual({ ok: false, checked: 4, firstBrokenSeq: 5 });
  });

  test('a sub-range verifies from the stored hash of its predecessor', () => {
    const c = chain(6);
    expect(verify(c.slice(3), 4, c[2].hash)).toEqual({ ok: true, checked: 3, firstBrokenSeq: null });
    expect(verify(c.slice(3), 4, GENESIS_HASH)).toEqual({ ok: false, checked: 0, firstBrokenSeq: 4 });
  });

  test('the head must point at the last hash', () => {
    const c = chain(3);
    const v = new ChainVerifier(1, GENESIS_HASH);
    c.forEach((r) => v.push(r));
    v.finish(3, { lastSeq: 3, lastHash: 'a'.repeat(64) });
    expect(v.firstBrokenSeq).toBe(3);
  });
});
