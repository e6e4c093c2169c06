// Downloads through the graph (000 §20): the distributions of a dataset, and a whole file for small datasets. The big
// ones stream from the HTTP route (download/route.ts) that the distribution's downloadURL names.
import { PassThrough } from 'node:stream';
import { BadUserInputError } from '@gov/kit';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { OpenDataContext } from '../context';
import { OpenDataset } from '../entities/open-dataset';
import { distributionsOf, prepareDownload } from '../domain/download';
import { countUse } from '../domain/usage';
import { MEDIA_TYPES, writeRows, type Row } from '../domain/writers';
import { OpenDataDistribution, OpenDataFile, OpenDataFileEncoding, OpenDataFileFormat } from './download.types';

async function* capped(rows: AsyncIterable<Row>, max: number): AsyncGenerator<Row> {
  let n = 0;
  for await (const r of rows) {
    if (++n > max) throw BadUserInputError.field('id', `more than ${max} rows: download it from the distribution's downloadURL instead`);
    yield r;
  }
}

@Resolver(() => OpenDataset)
export class OpenDataDownloadResolver {
  @FieldResolver(() => [OpenDataDistribution], { description: 'bulk downloads: UNCONDITIONAL published datasets only; conditional data is never a bulk download (003 §22)' })
  distributions(@Root() d: OpenDataset, @Ctx() ctx: OpenDataContext): OpenDataDistribution[] {
    return distributionsOf(d, ctx.config.publicUrl).map((x) => ({ format: x.format as OpenDataFileFormat, mediaType: MEDIA_TYPES[x.format], downloadURL: x.downloadURL }));
  }

  // No @Authorized: UNCONDITIONAL open data is for anyone, anonymous included (000 §20).
  @Query(() => OpenDataFile, { description: 'a whole UNCONDITIONAL dataset as one file (de-identified for the open use); refused above OPEN_DATA_GRAPHQL_FILE_MAX_ROWS rows' })
  async openDatasetFile(
    @Arg('id', () => ID) id: string,
    @Arg('format', () => OpenDataFileFormat) format: OpenDataFileFormat,
    @Arg('bom', () => Boolean, { defaultValue: false, description: 'CSV only: start with a UTF-8 BOM so Excel reads Chinese correctly' }) bom: boolean,
    @Ctx() ctx: OpenDataContext,
  ): Promise<OpenDataFile> {
    const d = await prepareDownload(ctx.ds, id, format, ctx.rules, ctx.config);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
    const rows = await writeRows(format, d.columns, capped(d.rows(), ctx.config.graphqlFileMaxRows), out, { bom, sheetName: d.dataset.name });
    const body = Buffer.concat(chunks);
    // No audit record, no data (004 §33).
    await ctx.audit({ action: 'DOWNLOAD', resourceId: d.resource.id, items: d.columns, detail: `open dataset ${d.dataset.id} format=${format} rows=${rows}` });
    await countUse(ctx.ds, d.dataset.id, 'DOWNLOAD', format);
    return {
      datasetId: d.dataset.id, format, fileName: d.fileName, mediaType: MEDIA_TYPES[format], columns: d.columns, rows,
      encoding: format === OpenDataFileFormat.XLSX ? OpenDataFileEncoding.BASE64 : OpenDataFileEncoding.UTF8,
      content: format === OpenDataFileFormat.XLSX ? body.toString('base64') : body.toString('utf8'),
    };
  }
}
