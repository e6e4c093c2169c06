// SM4 key rotation for what security keeps encrypted (000 §25): after a new key is added and made active
// (GM_SM4_KEYS / GM_SM4_ACTIVE_KEY), every envelope still under an older key id is re-encrypted under the active one;
// the old key can then be retired. Idempotent: envelopes already under the active key are left alone.
import { sm4Decrypt, sm4Encrypt, sm4KeyIdOf, type Sm4Keyring } from '@gov/gm-crypto';
import type { DataSource } from 'typeorm';

/** Table, key column, SM4 columns. */
const ENCRYPTED: Array<[string, string, string[]]> = [
  ['data_use_agreement', 'id', ['signed_by_enc', 'text_enc']],
  ['security_incident', 'id', ['description_enc']],
  ['audit_archive', 'id', ['content_enc']],
  ['emergency_plan_version', 'id', ['text_enc']],
  ['emergency_drill', 'id', ['participants_enc', 'findings_enc', 'follow_up_enc']],
];
const BATCH = 200;

export async function rewrapAll(ds: DataSource, ring: Sm4Keyring): Promise<number> {
  const active = `sm4:${ring.activeKeyId}:%`;
  let total = 0;
  for (const [table, key, columns] of ENCRYPTED) {
    for (const col of columns) {
      for (;;) {
        const rows: Array<Record<string, string>> = await ds.query(
          `SELECT ${key} AS k, ${col} AS v FROM ${table} WHERE ${col} IS NOT NULL AND ${col} NOT LIKE ? LIMIT ${BATCH}`, [active]);
        if (!rows.length) break;
        for (const r of rows) {
          if (!sm4KeyIdOf(r.v)) throw new Error(`${table}.${col} of ${r.k} is not an SM4 envelope`);
          // Compare-and-set on the old value: a concurrent writer is never overwritten.
          await ds.query(`UPDATE ${table} SET ${col} = ? WHERE ${key} = ? AND ${col} = ?`, [sm4Encrypt(sm4Decrypt(r.v, ring), ring), r.k, r.v]);
          total += 1;
        }
      }
    }
  }
  return total;
}

