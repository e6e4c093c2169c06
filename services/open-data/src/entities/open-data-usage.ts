import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One counter per dataset × month × kind (VIEW / DOWNLOAD / API) × format: the public usage statistics. */
@Entity('open_data_usage')
export class OpenDataUsage {
  @PrimaryColumn({ type: 'char', length: 36, name: 'dataset_id' }) datasetId: string;
  @PrimaryColumn({ type: 'char', length: 7 }) month: string;
  @PrimaryColumn({ type: 'varchar', length: 16 }) kind: string;
  @PrimaryColumn({ type: 'varchar', length: 8 }) format: string;
  @Column({ type: 'int', unsigned: true }) count: number;
}
