import { Field, Float, Int, ObjectType } from 'type-graphql';
import { InformationSystem } from '../entities/information-system';

@ObjectType({ description: 'catalog coverage: inventoried systems with at least one published entry ÷ all inventoried systems' })
export class CatalogCoverage {
  @Field(() => Int) systems: number;
  @Field(() => Int) coveredSystems: number;
  @Field(() => Float, { description: '0..1; 0 when no system is inventoried' }) ratio: number;
  @Field(() => [InformationSystem], { description: 'systems with no published entry yet' }) uncovered: InformationSystem[];
}
