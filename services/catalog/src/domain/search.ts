// Chinese search without an ngram parser: every CJK run is indexed as unigrams and bigrams, every Latin/digit word as
// itself (lower case). A query term must match all of its tokens (bigrams for 2+ CJK chars, the unigram for one);
// the terms of a query are ANDed. The index is rewritten in the same transaction as the entry.
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { DataItem, DataResource } from '../entities/data-resource';
import { SearchToken } from '../entities/search-token';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const WORD = /[a-z0-9]+/g;

/** Tokens to index for one text. */
export function indexTokens(text: string | null | undefined): Set<string> {
  const out = new Set<string>();
  if (!text) return out;
  for (const run of text.match(CJK) ?? []) {
    const chars = [...run];
    chars.forEach((c, i) => { out.add(c); if (i + 1 < chars.length) out.add(c + chars[i + 1]); });
  }
  for (const w of text.toLowerCase().match(WORD) ?? []) out.add(w.slice(0, 32));
  return out;
}

/** Tokens a query term must all match. */
export function queryTokens(keyword: string): string[] {
  const out = new Set<string>();
  for (const term of keyword.trim().split(/\s+/).filter(Boolean)) {
    for (const run of term.match(CJK) ?? []) {
      const chars = [...run];
      if (chars.length === 1) out.add(chars[0]);
      for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
    }
    for (const w of term.toLowerCase().match(WORD) ?? []) out.add(w.slice(0, 32));
  }
  return [...out];
}

/** The index rows of one entry: its name, description, code, theme and item names. */
export function tokenRows(
  resourceId: string, r: { name: string; description: string | null; code: string; theme: string | null }, itemNames: string[],
): SearchToken[] {
  const rows: SearchToken[] = [];
  const add = (source: string, text: string | null) => { for (const token of indexTokens(text)) rows.push({ token, resourceId, source }); };
  add('name', r.name);
  add('description', r.description);
  add('code', r.code.replace(/[-_.]/g, ' '));
  add('theme', r.theme);
  for (const token of new Set(itemNames.flatMap((n) => [...indexTokens(n)]))) rows.push({ token, resourceId, source: 'item' });
  return rows;
}

export async function reindexResource(m: EntityManager, resourceId: string): Promise<void> {
  const r = await m.getRepository(DataResource).findOneByOrFail({ id: resourceId });
  const items = await m.getRepository(DataItem).findBy({ resourceId });
  const rows = tokenRows(resourceId, r, items.map((i) => i.name));
  await m.getRepository(SearchToken).delete({ resourceId });
  for (let i = 0; i < rows.length; i += 500) await m.getRepository(SearchToken).insert(rows.slice(i, i + 500));
}

/**
 * Narrows `qb` to entries matching every token of `keyword`; a keyword with no indexable token matches nothing.
 * One semi-join per token (each an index range on the token's primary-key prefix): MariaDB turns them into joins,
 * where a single GROUP BY … HAVING COUNT subquery ran as a dependent subquery per row (see bench:catalog-search).
 */
export function whereKeyword<T extends object>(qb: SelectQueryBuilder<T>, keyword: string): SelectQueryBuilder<T> {
  const tokens = queryTokens(keyword);
  if (!tokens.length) return qb.andWhere('1 = 0');
  tokens.forEach((token, i) => {
    qb.andWhere(`${qb.alias}.id IN (SELECT st${i}.resource_id FROM search_token st${i} WHERE st${i}.token = :kwToken${i})`, { [`kwToken${i}`]: token });
  });
  return qb;
}
