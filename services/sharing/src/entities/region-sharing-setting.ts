import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('region_sharing_setting')
export class RegionSharingSetting {
  @PrimaryColumn({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Column({ type: 'boolean', default: false, name: 'whole_authorisation' }) wholeAuthorisation: boolean;
  @Column({ type: 'varchar', length: 64, name: 'updated_by' }) updatedBy: string;
}
