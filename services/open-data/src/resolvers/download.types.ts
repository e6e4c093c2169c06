import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum OpenDataFileFormat { CSV = 'CSV', JSON = 'JSON', JSONL = 'JSONL', XML = 'XML', XLSX = 'XLSX' }
registerEnumType(OpenDataFileFormat, { name: 'OpenDataFileFormat', description: 'download formats: the four of 000 §20 plus JSON lines' });

export enum OpenDataFileEncoding { UTF8 = 'UTF8', BASE64 = 'BASE64' }
registerEnumType(OpenDataFileEncoding, { name: 'OpenDataFileEncoding', description: 'how `content` is carried: text as UTF-8, XLSX as base64' });

@ObjectType({ description: 'One way to get a dataset (dcat:Distribution): the format, its media type and where to download it' })
export class OpenDataDistribution {
  @Field(() => OpenDataFileFormat) format: OpenDataFileFormat;
  @Field() mediaType: string;
  @Field({ description: 'anonymous HTTP download; add &bom=1 to a CSV for Excel' }) downloadURL: string;
}

@ObjectType({ description: 'A whole small dataset file through the graph (bigger ones: the distribution downloadURL)' })
export class OpenDataFile {
  @Field(() => ID) datasetId: string;
  @Field(() => OpenDataFileFormat) format: OpenDataFileFormat;
  @Field() fileName: string;
  @Field() mediaType: string;
  @Field(() => OpenDataFileEncoding) encoding: OpenDataFileEncoding;
  @Field() content: string;
  @Field(() => Int) rows: number;
  @Field(() => [String], { description: 'the columns released (items the grade policy withholds are left out)' }) columns: string[];
}
