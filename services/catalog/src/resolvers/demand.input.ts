import { ArrayMaxSize, Length } from 'class-validator';
import { Field, InputType, registerEnumType } from 'type-graphql';

export enum ArbitrationDecision { PROVIDE = 'PROVIDE', NOT_PROVIDE = 'NOT_PROVIDE', REFER_TO_CITY_GOVERNMENT = 'REFER_TO_CITY_GOVERNMENT' }
registerEnumType(ArbitrationDecision, { name: 'ArbitrationDecision', description: 'what the authority (or, after referral, the city government) decides (000 §17)' });

@InputType()
export class DemandInputType {
  @Field() @Length(1, 40) holderDepartmentId: string;
  @Field() @Length(1, 200) title: string;
  @Field() @Length(1, 4000) description: string;
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(200) @Length(1, 128, { each: true }) items: string[];
}
