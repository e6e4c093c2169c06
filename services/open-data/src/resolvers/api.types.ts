import { Field, ID, ObjectType } from 'type-graphql';
import { OpenDataApiKey } from '../entities/open-data-api-key';

@ObjectType()
export class OpenDataField {
  @Field() name: string;
  @Field(() => String, { nullable: true }) value: string | null;
}

@ObjectType({ description: 'one record, de-identified for the open use' })
export class OpenDataRecord {
  @Field(() => ID, { description: 'also the cursor' }) id: string;
  @Field(() => [OpenDataField]) fields: OpenDataField[];
}

@ObjectType()
export class OpenDataRecordPage {
  @Field(() => [String]) columns: string[];
  @Field(() => [OpenDataRecord]) records: OpenDataRecord[];
  @Field(() => String, { nullable: true }) endCursor: string | null;
  @Field() hasNextPage: boolean;
}

@ObjectType({ description: 'a new key: the secret is shown this once and never again' })
export class CreatedOpenDataApiKey {
  @Field(() => OpenDataApiKey) key: OpenDataApiKey;
  @Field({ description: 'send it as the x-api-key header' }) secret: string;
}
