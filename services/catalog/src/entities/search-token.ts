import { Entity, PrimaryColumn } from 'typeorm';

/** Bigram/unigram index of Chinese (and word index of Latin) text: MariaDB has no ngram full-text parser. */
@Entity('search_token')
export class SearchToken {
  @PrimaryColumn({ type: 'varchar', length: 32 }) token: string;
  @PrimaryColumn({ type: 'char', length: 36, name: 'resource_id' }) resourceId: string;
  @PrimaryColumn({ type: 'varchar', length: 12 }) source: string;
}
