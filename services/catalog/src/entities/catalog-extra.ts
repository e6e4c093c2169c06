// Everything around a catalog entry: the system inventory, published versions, change requests, the search index and
// the three lists (responsibility, demand; the negative list is a view over NOT_SHARED entries).
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ChangeBasis, ChangeStatus, DemandStatus, EscalationLevel } from './enums';

@ObjectType({ description: 'an information system of a department (政务信息系统, 002 §2(3))' })
@Entity('information_system')
export class InformationSystem {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field() @Index() @Column({ type: 'varchar', length: 40, name: 'department_id' }) departmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field() @Column({ type: 'varchar', length: 200 }) name: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) description: string | null;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
}

@ObjectType({ description: 'one published version of a catalog entry; every one stays queryable (000 §9)' })
@Entity('resource_version')
@Index(['resourceId', 'version'], { unique: true })
export class ResourceVersion {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field() @Column({ type: 'char', length: 36, name: 'resource_id' }) resourceId: string;
  @Field(() => Int) @Column({ type: 'int' }) version: number;
  /** The entry and its items as published, JSON. */
  @Column({ type: 'longtext' }) snapshot: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'char', length: 36, nullable: true, name: 'change_request_id' }) changeRequestId: string | null;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
}

@ObjectType({ description: 'a change of a published entry with its basis, reviewed by the authority (000 §9, 004 §9)' })
@Entity('change_request')
export class ChangeRequest {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field() @Index() @Column({ type: 'char', length: 36, name: 'resource_id' }) resourceId: string;
  @Field() @Column({ type: 'varchar', length: 40, name: 'department_id' }) departmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field(() => ChangeBasis) @Column({ type: 'varchar', length: 24 }) basis: ChangeBasis;
  @Field() @Column({ type: 'text' }) reason: string;
  @Field(() => String, { nullable: true, description: 'day the law was revised / the function or system changed (YYYY-MM-DD)' })
  @Column({ type: 'varchar', length: 10, nullable: true, name: 'effective_date' }) effectiveDate: string | null;
  @Field({ description: '004 §9: filed after the 15 working days allowed from the change' })
  @Column({ type: 'boolean', default: false, name: 'filed_late' }) filedLate: boolean;
  /** The proposed DataResourceInput, JSON. */
  @Column({ type: 'longtext' }) proposed: string;
  @Field(() => ChangeStatus) @Column({ type: 'varchar', length: 12 }) status: ChangeStatus;
  /** = resource id while PENDING, else null: a unique key allows one open change per entry. */
  @Column({ type: 'char', length: 36, nullable: true, name: 'open_key' }) openKey: string | null;
  @Field(() => Int) @Column({ type: 'int', name: 'base_version' }) baseVersion: number;
  @Field(() => Int, { nullable: true }) @Column({ type: 'int', nullable: true, name: 'new_version' }) newVersion: number | null;
  @Field() @Column({ type: 'varchar', length: 64, name: 'requested_by' }) requestedBy: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 64, nullable: true }) reviewer: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true, name: 'review_comment' }) reviewComment: string | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'review_deadline' }) reviewDeadline: Date | null;
  @Field() @Column({ type: 'boolean', default: false, name: 'review_overdue' }) reviewOverdue: boolean;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'review_escalated_at' }) reviewEscalatedAt: Date | null;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
  @Field() @UpdateDateColumn({ type: 'datetime', precision: 3, name: 'updated_at' }) updatedAt: Date;
  /** Not a column: set on the answer of a decision the workflow has not applied yet (see the `pending` field). */
  pending?: boolean;
}

/** Bigram/unigram index of Chinese (and word index of Latin) text: MariaDB has no ngram full-text parser. */
@Entity('search_token')
export class SearchToken {
  @PrimaryColumn({ type: 'varchar', length: 32 }) token: string;
  @PrimaryColumn({ type: 'char', length: 36, name: 'resource_id' }) resourceId: string;
  @PrimaryColumn({ type: 'varchar', length: 12 }) source: string;
}

@ObjectType({ description: 'a line of a responsibility list: what a department must share, published by the authority (000 §4,7)' })
@Entity('responsibility_item')
export class ResponsibilityItem {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field() @Index() @Column({ type: 'varchar', length: 40, name: 'department_id' }) departmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field() @Column({ type: 'varchar', length: 200 }) name: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) description: string | null;
  @Field(() => String, { nullable: true, description: 'the catalog entry that answers this line' })
  @Column({ type: 'char', length: 36, nullable: true, name: 'resource_id' }) resourceId: string | null;
  @Field() @Column({ type: 'varchar', length: 64, name: 'published_by' }) publishedBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
}

@ObjectType({ description: 'a demand-list entry: a department asks a holder for data not yet catalogued (000 §17)' })
@Entity('demand')
export class Demand {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field() @Index() @Column({ type: 'varchar', length: 40, name: 'requester_department_id' }) requesterDepartmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'requester_region_code' }) requesterRegionCode: string;
  @Field() @Index() @Column({ type: 'varchar', length: 40, name: 'holder_department_id' }) holderDepartmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'holder_region_code' }) holderRegionCode: string;
  @Field() @Column({ type: 'varchar', length: 200 }) title: string;
  @Field() @Column({ type: 'text' }) description: string;
  @Field(() => [String]) @Column({ type: 'text', transformer: { to: (v: string[]) => JSON.stringify(v ?? []), from: (v: string) => JSON.parse(v || '[]') as string[] } }) items: string[];
  @Field(() => DemandStatus) @Column({ type: 'varchar', length: 16 }) status: DemandStatus;
  @Field(() => EscalationLevel) @Column({ type: 'varchar', length: 16, default: 'NONE', name: 'escalation_level' }) escalationLevel: EscalationLevel;
  @Field(() => Date, { nullable: true, description: 'the deadline of the current step' }) @Column({ type: 'datetime', precision: 3, nullable: true }) deadline: Date | null;
  @Field({ description: 'the holder did not answer within its deadline' }) @Column({ type: 'boolean', default: false, name: 'answer_overdue' }) answerOverdue: boolean;
  @Field(() => String, { nullable: true }) @Column({ type: 'char', length: 36, nullable: true, name: 'resource_id' }) resourceId: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) resolution: string | null;
  @Field() @Column({ type: 'varchar', length: 64, name: 'created_by' }) createdBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
  @Field() @UpdateDateColumn({ type: 'datetime', precision: 3, name: 'updated_at' }) updatedAt: Date;
}

@ObjectType({ description: 'one message of a demand negotiation thread' })
@Entity('demand_message')
export class DemandMessage {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Index() @Column({ type: 'char', length: 36, name: 'demand_id' }) demandId: string;
  @Field() @Column({ type: 'varchar', length: 64 }) author: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 40, nullable: true, name: 'author_department_id' }) authorDepartmentId: string | null;
  @Field() @Column({ type: 'varchar', length: 24 }) kind: string;
  @Field() @Column({ type: 'text' }) body: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
}
