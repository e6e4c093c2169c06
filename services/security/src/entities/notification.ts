import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A notice derived from one chained audit record (issue 14 §4); its recipients and per-user read marks beside it. */
@Entity('notification')
export class Notification {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  /** The audit record it came from: one notice per record, so a resent relay batch notifies once. */
  @Index('uq_notification_record', { unique: true }) @Column({ type: 'char', length: 36, name: 'record_id' }) recordId: string;
  @Column({ type: 'varchar', length: 16 }) kind: string;
  @Column({ type: 'varchar', length: 200 }) title: string;
  @Column({ type: 'varchar', length: 40, name: 'subject_type' }) subjectType: string;
  @Column({ type: 'varchar', length: 64, name: 'subject_id' }) subjectId: string;
  @Column({ type: 'varchar', length: 300, nullable: true }) link: string | null;
  @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
}

@Entity('notification_recipient')
export class NotificationRecipient {
  @PrimaryColumn({ type: 'char', length: 36, name: 'notification_id' }) notificationId: string;
  @PrimaryColumn({ type: 'smallint' }) n: number;
  @Column({ type: 'varchar', length: 64, nullable: true }) username: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true, name: 'department_id' }) departmentId: string | null;
  @Column({ type: 'varchar', length: 12, nullable: true, name: 'region_code' }) regionCode: string | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) role: string | null;
}

@Entity('notification_read')
export class NotificationRead {
  @PrimaryColumn({ type: 'char', length: 36, name: 'notification_id' }) notificationId: string;
  @PrimaryColumn({ type: 'varchar', length: 64 }) username: string;
  @CreateDateColumn({ type: 'datetime', precision: 3, name: 'read_at' }) readAt: Date;
}
