import { Field, ID, Int, ObjectType } from 'type-graphql';
import { InspectionRun } from '../entities/inspection';

@ObjectType({ description: 'An inspection asked for: the run as it stands, and whether the worker has yet to finish it' })
export class InspectionStart {
  @Field(() => ID) runId: string;
  @Field(() => InspectionRun, { nullable: true, description: 'null until the worker has begun the run' }) run: InspectionRun | null;
  @Field({ description: 'true: the run is queued or still reading; read inspectionRun(id) later' }) pending: boolean;
}

@ObjectType({ description: "A resource's inspection schedule on Temporal, following its declared update cycle" })
export class InspectionSchedule {
  @Field(() => ID) resourceId: string;
  @Field() scheduleId: string;
  @Field() updateCycle: string;
  @Field(() => Int) everyMinutes: number;
}
