// Retention (004 §33) on a real MariaDB database of its own: a chain whose first records are 3 years old is archived
// (signed, hash recorded), purged, and the live chain still verifies from the archive onwards. The resolvers are called
// in-process (records cannot be made 3 years old through the API, by design); ctx.audit records what they report.
import { randomUUID } from 'node:crypto';
import { commonConfig, createDataSource, databaseName, type AuditEntry, type User } from '@gov/kit';
import { keyring, keyringFromEnv, sm2Verify, sm3Hex, sm4Decrypt, sm4KeyIdOf } from '@gov/gm-crypto';
import { service } from '@gov/svc-security';
import { signingKeyFromEnv } from '@gov/svc-security/dist/domain/anchor';
import { ChainAppender } from '@gov/svc-security/dist/domain/appender';
import { auditHash, GENESIS_HASH } from '@gov/svc-security/dist/domain/chain';
import { AuditChainHead, AuditRecord } from '@gov/svc-security/dist/entities/audit-record';
import { AuditRecordResolver } from '@gov/svc-security/dist/resolvers/audit-record.resolver';
import { AgreementResolver } from '@gov/svc-security/dist/resolvers/agreement.resolver';
import { rewrapAll } from '@gov/svc-security/dist/domain/keys';
import { archivePayload } from '@gov/svc-security/dist/domain/retention';
import { RetentionResolver } from '@gov/svc-security/dist/resolvers/retention.resolver';
import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';

const DB = `${databaseName('security')}_retention`;
const authority: User = { sub: 's', username: 'city-authority', roles: ['authority'], department: '420600-sjj', region: '420600', isService: false, token: '' };
const YEAR = 365.25 * 86_400_000;

let ds: DataSource;
let ctx: Record<string, unknown> & { user: User; audited: AuditEntry[] };

beforeAll(async () => {
  const c = commonConfig().mysql;
  const admin = await mysql.createConnection({ host: c.host, port: c.port, user: c.user, password: c.password });
  await admin.query(`CREATE DATABASE IF NOT EXISTS \`${DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  ds = createDataSource({ database: DB, entities: service.entities, migrations: service.migrations, mysql: c });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  const audited: AuditEntry[] = [];
  ctx = {
    ds, keyring: keyringFromEnv(), signer: signingKeyFromEnv(), appender: new ChainAppender(ds), user: authority, requestId: 'retention-test',
    audited, audit: async (e: AuditEntry) => { audited.push(e); },
  };
  // Five records from three years ago, linked like real ones, then two appended now.
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= 5; seq++) {
    const f = {
      id: randomUUID(), seq, actor: 'city-wjw-user', actorSub: 'sub', departmentId: '420600-wjw', regionCode: '420600', action: 'QUERY' as never,
      resourceId: 'old', grantId: null, scenario: null, items: ['姓名'], outcome: 'SUCCESS' as never, requestId: `old-${seq}`, detail: null, source: 'open-data',
      at: new Date(Date.now() - 3 * YEAR + seq * 1000),
    };
    const hash = auditHash(prev, f);
    await ds.getRepository(AuditRecord).insert({ ...f, prevHash: prev, hash });
    prev = hash;
  }
  await ds.getRepository(AuditChainHead).update({ id: 1 }, { lastSeq: 5, lastHash: prev });
  const appender = ctx.appender as ChainAppender;
  for (let i = 0; i < 2; i++) {
    await appender.append({ actor: 'city-wjw-user', actorSub: 'sub', departmentId: '420600-wjw', regionCode: '420600', action: 'QUERY' as never, resourceId: 'new', grantId: null, scenario: null, items: [], outcome: 'SUCCESS' as never, requestId: `new-${i}`, detail: null, source: 'open-data' });
  }
});

afterAll(async () => {
  await ds?.query(`DROP DATABASE \`${DB}\``);
  await ds?.destroy();
});

const verify = () => new AuditRecordResolver().verifyAuditChain(null, null, ctx as never);

describe('004 §33 retention: archive, then purge, only past 2 years', () => {
  test('004 §33: records older than 2 years leave only through a signed archive whose hash is recorded first; the chain verifies after', async () => {
    expect(await verify()).toMatchObject({ ok: true, checked: 7 });
    const retention = new RetentionResolver();
    const archive = await retention.archiveAuditRecords({ before: new Date(Date.now() - 2 * YEAR - 86_400_000) }, ctx as never);
    expect(archive).toMatchObject({ firstSeq: 1, lastSeq: 5, recordCount: 5, purgedAt: null });
    // The archive verifies on its own: content hash, SM2 signature over the payload.
    const content = sm4Decrypt(archive.contentEnc, ctx.keyring as never);
    expect(sm3Hex(content)).toBe(archive.contentHash);
    expect(content.trim().split('\n')).toHaveLength(5);
    expect(sm2Verify(archivePayload(archive), archive.signature, archive.publicKeyPem)).toBe(true);
    // Its hash went into the chain (so the next daily anchor covers it) before anything was removed.
    expect(ctx.audited.at(-1)).toMatchObject({ action: 'EXPORT', detail: expect.stringContaining(archive.contentHash) });
    expect(await ds.getRepository(AuditRecord).count()).toBe(7);

    const purged = await retention.purgeArchivedAuditRecords(archive.id, ctx as never);
    expect(purged.purgedAt).not.toBeNull();
    expect(await ds.getRepository(AuditRecord).count()).toBe(2);
    expect(await verify()).toMatchObject({ ok: true, checked: 2, firstBrokenSeq: null }); // continues from the archive's last hash
    // Purging again changes nothing; the young records can never be archived.
    expect((await retention.purgeArchivedAuditRecords(archive.id, ctx as never)).purgedAt).toEqual(purged.purgedAt);
    await expect(retention.archiveAuditRecords({ before: new Date(Date.now() - 2 * YEAR - 86_400_000) }, ctx as never))
      .rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'before' } });
  });

  test('004 §33: an archive covering a record younger than 2 years is not purged', async () => {
    const retention = new RetentionResolver();
    const [young] = await ds.getRepository(AuditRecord).find({ order: { seq: 'ASC' }, take: 1 });
    // Pretend the archive claims the young records too: the purge must refuse and delete nothing.
    const repo = ds.getRepository('AuditArchive');
    const archives = await repo.find();
    const body = { ...archives[0], id: randomUUID(), firstSeq: young.seq, lastSeq: young.seq, recordCount: 1, purgedAt: null };
    const fake = { ...body, signature: (ctx.signer as { sign(p: string): string }).sign(archivePayload(body as never)) }; // a valid signature
    await repo.insert(fake);
    await expect(retention.purgeArchivedAuditRecords(fake.id, ctx as never)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringMatching(/younger than 2 years/) });
    expect(await ds.getRepository(AuditRecord).count()).toBe(2);
  });
});

describe('000 §25 SM4 key rotation of what security keeps', () => {
  test('000 §25: after a new key becomes active, rewrapping moves every envelope to it; the old key can then go', async () => {
    const svc: User = { ...authority, username: 'svc-platform', roles: ['service'], isService: true };
    const a = await new AgreementResolver().recordAgreement(
      { grantId: `g-${randomUUID()}`, consumerDepartmentId: '420600-wjw', resourceId: 'r', signedBy: '陈业务', text: '保密协议全文' }, { ...ctx, user: svc } as never);
    const old = ctx.keyring as ReturnType<typeof keyringFromEnv>;
    expect(sm4KeyIdOf(a.signedByEnc)).toBe(old.activeKeyId);
    const rotated = keyring({ [old.activeKeyId]: old.keys.get(old.activeKeyId)!, k2: 'ffeeddccbbaa99887766554433221100' }, 'k2');
    expect(await rewrapAll(ds, rotated)).toBeGreaterThanOrEqual(3); // signatory, text, and the archive of the test above
    expect(await rewrapAll(ds, rotated)).toBe(0); // idempotent
    const onlyNew = keyring({ k2: 'ffeeddccbbaa99887766554433221100' }, 'k2');
    const [row] = await ds.query('SELECT signed_by_enc, text_enc FROM data_use_agreement WHERE id = ?', [a.id]);
    expect(sm4KeyIdOf(row.signed_by_enc)).toBe('k2');
    expect(sm4Decrypt(row.signed_by_enc, onlyNew)).toBe('陈业务');
    expect(sm4Decrypt(row.text_enc, onlyNew)).toBe('保密协议全文');
  });
});
