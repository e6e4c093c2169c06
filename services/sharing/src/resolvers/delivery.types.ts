import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionType } from '@gov/kit';

@ObjectType({ description: 'VERIFY answer: match / no match and which sent fields differ; never record data (004 §23)' })
export class VerifyResult {
  @Field() match: boolean;
  @Field(() => [String], { description: 'names of the sent fields that differ from the record (the key item when there is no such record)' }) differingFields: string[];
}

@ObjectType()
export class RecordField {
  @Field() name: string;
  @Field(() => String, { nullable: true, description: 'null when the grade policy withholds the item' }) value: string | null;
  @Field({ description: 'CLEAR, MASKED or WITHHELD by the grade policy' }) treatment: string;
}

@ObjectType({ description: 'One exchange record as a grant sees it: granted items only, masked by grade' })
export class GrantedRecord {
  @Field(() => ID) id: string;
  @Field(() => [RecordField]) fields: RecordField[];
  createdAt: Date;
}

export const GrantedRecordConnection = ConnectionType(GrantedRecord, 'GrantedRecord');
