// Spreadsheet export, template and import of a department's catalog. Import writes drafts of the caller's department
// (a row whose code is one of its drafts updates that draft); with any bad row nothing changes unless the caller asks
// for VALID_ROWS_ONLY. Row-level errors name the sheet row and column.
import { randomUUID } from 'node:crypto';
import { BadUserInputError, canAccessDepartment, ForbiddenError, NotFoundError, requireDepartment, requireUser, validateInput } from '@gov/kit';
import { IsBase64, Length, MaxLength } from 'class-validator';
import { Arg, Authorized, Ctx, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { DataItem, DataResource } from '../entities/data-resource';
import {
  DataFormat, ImportMode, ItemType, OpenType, ProvisionMode, ResourceCategory, ResourceStatus, SensitivityGrade, SheetFormat, ShareType, UpdateCycle,
  UsageMode,
} from '../entities/enums';
import type { CatalogContext } from '../context';
import { checkSourceSystem, entryFields, writeItems } from '../domain/entries';
import { COLUMNS, MIME, readSheet, writeSheet, type Column, type SheetRow } from '../domain/spreadsheet';
import { DataItemInput, DataResourceInput } from './data-resource.input';
import { catalogProblems } from '../domain/rules';
import { restrictToReadable } from './visibility';

const MAX_ROWS = 5000;
const MAX_BYTES = 10 * 1024 * 1024;

@ObjectType() export class SheetFile {
  @Field() filename: string;
  @Field() mimeType: string;
  @Field() contentBase64: string;
}

@InputType() export class SheetUpload {
  @Field() @Length(5, 200) filename: string;
  @Field() @IsBase64() @MaxLength(Math.ceil(MAX_BYTES / 3) * 4) contentBase64: string;
}

@ObjectType() export class RowError {
  @Field(() => Int, { description: 'sheet row number (the header is row 1)' }) row: number;
  @Field() column: string;
  @Field() reason: string;
}

@ObjectType() export class ImportResult {
  @Field({ description: 'false when nothing was written (ALL_OR_NOTHING with errors)' }) applied: boolean;
  @Field(() => Int) created: number;
  @Field(() => Int) updated: number;
  @Field(() => [RowError]) errors: RowError[];
}

function itemsCell(items: DataItem[]): string {
  return items.map((i) => `${i.name}:${i.type}:${i.length ?? ''}:${i.sensitivity}`).join('; ');
}

export function toRow(r: DataResource, items: DataItem[]): SheetRow {
  return {
    code: r.code, name: r.name, description: r.description ?? '', category: r.category, serviceItem: r.serviceItem ?? '', sourceSystemId: r.sourceSystemId ?? '',
    format: r.format, updateCycle: r.updateCycle, shareType: r.shareType, shareCondition: r.shareCondition ?? '', notSharedBasis: r.notSharedBasis ?? '',
    openType: r.openType, notOpenReason: r.notOpenReason ?? '', sensitivityGrade: r.sensitivityGrade, provisionMode: r.provisionMode,
    usageModes: r.usageModes.join(','), theme: r.theme ?? '', items: itemsCell(items),
  };
}

function enumOf<E extends Record<string, string>>(e: E, v: string | undefined, column: Column, errs: RowError[], row: number, fallback?: E[keyof E]): E[keyof E] | null {
  if (!v) {
    if (fallback !== undefined) return fallback;
    errs.push({ row, column, reason: 'required' });
    return null;
  }
  if (!(Object.values(e) as string[]).includes(v)) { errs.push({ row, column, reason: `must be one of ${Object.values(e).join(', ')}` }); return null; }
  return v as E[keyof E];
}

/** One sheet row to an input, collecting its problems by column. */
export async function rowToInput(row: number, v: SheetRow): Promise<{ input: DataResourceInput | null; errors: RowError[] }> {
  const errors: RowError[] = [];
  const items: DataItemInput[] = [];
  (v.items ?? '').split(';').map((s) => s.trim()).filter(Boolean).forEach((spec, i) => {
    const [name, type, length, sensitivity] = spec.split(':').map((s) => s.trim());
    const item = Object.assign(new DataItemInput(), { name: name ?? '', type: type as ItemType, length: length ? Number(length) : null, sensitive: false, sensitivity: (sensitivity || 'NONE') as SensitivityGrade });
    if (!(Object.values(ItemType) as string[]).includes(type ?? '')) errors.push({ row, column: 'items', reason: `item ${i + 1} ("${name}"): type must be one of ${Object.values(ItemType).join(', ')}` });
    if (length && !Number.isInteger(Number(length))) errors.push({ row, column: 'items', reason: `item ${i + 1} ("${name}"): length must be a whole number` });
    if (!(Object.values(SensitivityGrade) as string[]).includes(item.sensitivity as string)) errors.push({ row, column: 'items', reason: `item ${i + 1} ("${name}"): sensitivity must be one of ${Object.values(SensitivityGrade).join(', ')}` });
    items.push(item);
  });
  const usageModes = (v.usageModes || 'QUERY').split(',').map((s) => s.trim()).filter(Boolean);
  if (usageModes.some((u) => !(Object.values(UsageMode) as string[]).includes(u))) errors.push({ row, column: 'usageModes', reason: `each must be one of ${Object.values(UsageMode).join(', ')}` });
  const input = Object.assign(new DataResourceInput(), {
    code: v.code ?? '', name: v.name ?? '', description: v.description || null,
    category: enumOf(ResourceCategory, v.category, 'category', errors, row),
    serviceItem: v.serviceItem || null, sourceSystemId: v.sourceSystemId || null,
    format: enumOf(DataFormat, v.format, 'format', errors, row, DataFormat.TABLE),
    updateCycle: enumOf(UpdateCycle, v.updateCycle, 'updateCycle', errors, row, UpdateCycle.DAILY),
    shareType: enumOf(ShareType, v.shareType, 'shareType', errors, row),
    shareCondition: v.shareCondition || null, notSharedBasis: v.notSharedBasis || null,
    openType: enumOf(OpenType, v.openType, 'openType', errors, row),
    notOpenReason: v.notOpenReason || null,
    sensitivityGrade: v.sensitivityGrade ? enumOf(SensitivityGrade, v.sensitivityGrade, 'sensitivityGrade', errors, row) : null,
    provisionMode: enumOf(ProvisionMode, v.provisionMode, 'provisionMode', errors, row, ProvisionMode.DISTRIBUTION_API),
    usageModes: usageModes as UsageMode[], theme: v.theme || null, items,
  });
  const column = (field: string): string => {
    const head = field.split('.')[0];
    return (COLUMNS as readonly string[]).includes(head) ? head : 'items';
  };
  try { await validateInput(input); } catch (e) {
    if (!(e instanceof BadUserInputError)) throw e;
    for (const p of e.problems) errors.push({ row, column: column(p.field), reason: p.reason });
  }
  if (!errors.some((e) => ['category', 'shareType', 'openType', 'sensitivityGrade', 'items'].includes(e.column))) {
    for (const p of catalogProblems(input)) errors.push({ row, column: column(p.field), reason: p.reason });
  }
  return { input: errors.length ? null : input, errors };
}

function formatOf(filename: string): SheetFormat {
  if (/\.xlsx$/i.test(filename)) return SheetFormat.XLSX;
  if (/\.csv$/i.test(filename)) return SheetFormat.CSV;
  throw BadUserInputError.field('file.filename', 'must end in .xlsx or .csv');
}

@Resolver()
export class SpreadsheetResolver {
  @Authorized('authority', 'platform-operator', 'dept-admin', 'dept-approver', 'dept-user', 'assessor', 'service')
  @Mutation(() => SheetFile, { description: "the department's catalog as a spreadsheet: the entries the caller may read (drafts only for its own department and oversight)" })
  async exportCatalog(@Arg('departmentId') departmentId: string, @Arg('format', () => SheetFormat) format: SheetFormat, @Ctx() ctx: CatalogContext): Promise<SheetFile> {
    const user = requireUser(ctx);
    if (!(await ctx.departmentById.load(departmentId))) throw new NotFoundError('Department', departmentId);
    const qb = restrictToReadable(ctx.ds.getRepository(DataResource).createQueryBuilder('r'), user)
      .andWhere('r.departmentId = :xd AND r.status <> :xr', { xd: departmentId, xr: ResourceStatus.RETIRED }).orderBy('r.code', 'ASC');
    const resources = await qb.getMany();
    const items = resources.length ? await ctx.ds.getRepository(DataItem).createQueryBuilder('i').where('i.resourceId IN (:...ids)', { ids: resources.map((r) => r.id) })
      .orderBy('i.position', 'ASC').getMany() : [];
    const rows = resources.map((r) => toRow(r, items.filter((i) => i.resourceId === r.id)));
    const content = await writeSheet(format, rows);
    // 004 §33: an export is recorded before the file is handed out.
    await ctx.audit({ action: 'EXPORT', detail: `catalog export department=${departmentId} format=${format} rows=${rows.length}`, items: [...COLUMNS] });
    return { filename: `catalog-${departmentId}.${format.toLowerCase()}`, mimeType: MIME[format], contentBase64: content.toString('base64') };
  }

  @Authorized()
  @Query(() => SheetFile, { description: 'an empty import template with one example row' })
  async catalogTemplate(@Arg('format', () => SheetFormat) format: SheetFormat): Promise<SheetFile> {
    const example: SheetRow = {
      code: 'EXAMPLE-001', name: '示例数据资源', description: '说明', category: 'DEPARTMENT', format: 'TABLE', updateCycle: 'MONTHLY', shareType: 'CONDITIONAL',
      shareCondition: '仅用于政务服务办理', openType: 'NOT_OPEN', notOpenReason: '涉及个人信息', sensitivityGrade: 'MEDIUM', provisionMode: 'DISTRIBUTION_API',
      usageModes: 'VERIFY,QUERY', items: '姓名:STRING:50:MEDIUM; 办理日期:DATE::NONE',
    };
    const content = await writeSheet(format, [example]);
    return { filename: `catalog-template.${format.toLowerCase()}`, mimeType: MIME[format], contentBase64: content.toString('base64') };
  }

  @Authorized('dept-admin')
  @Mutation(() => ImportResult, { description: "import catalog drafts of the caller's department from an XLSX/CSV template" })
  async importCatalog(
    @Arg('file', () => SheetUpload) file: SheetUpload, @Arg('mode', () => ImportMode, { defaultValue: ImportMode.ALL_OR_NOTHING }) mode: ImportMode,
    @Ctx() ctx: CatalogContext,
  ): Promise<ImportResult> {
    const user = requireDepartment(ctx);
    if (!canAccessDepartment(user, { departmentId: user.department, regionCode: user.region }, 'write')) throw new ForbiddenError('may not write this catalog');
    const format = formatOf(file.filename);
    const content = Buffer.from(file.contentBase64, 'base64');
    if (content.length > MAX_BYTES) throw BadUserInputError.field('file.contentBase64', `at most ${MAX_BYTES} bytes`);
    let sheet: Awaited<ReturnType<typeof readSheet>>;
    try { sheet = await readSheet(format, content, MAX_ROWS); } catch {
      throw BadUserInputError.field('file.contentBase64', `not a readable ${format} file`);
    }
    if (sheet.rows.length > MAX_ROWS) throw BadUserInputError.field('file.contentBase64', `at most ${MAX_ROWS} rows per import`);
    const errors: RowError[] = sheet.unknownColumns.map((c) => ({ row: 1, column: c, reason: `unknown column; expected ${COLUMNS.join(', ')}` }));
    const valid: Array<{ row: number; input: DataResourceInput }> = [];
    const seen = new Map<string, number>();
    for (const { row, values } of sheet.rows) {
      const r = await rowToInput(row, values);
      const first = seen.get(values.code ?? '');
      if (values.code && first !== undefined) r.errors.push({ row, column: 'code', reason: `duplicate of row ${first}` });
      else if (values.code) seen.set(values.code, row);
      errors.push(...r.errors);
      if (r.input && !r.errors.length) valid.push({ row, input: r.input });
    }
    return ctx.ds.transaction(async (m) => {
      const plan: Array<{ row: number; input: DataResourceInput; existing: DataResource | null }> = [];
      for (const v of valid) {
        const existing = await m.getRepository(DataResource).findOneBy({ code: v.input.code });
        if (existing && existing.departmentId !== user.department) { errors.push({ row: v.row, column: 'code', reason: 'the code belongs to another department' }); continue; }
        if (existing && existing.status !== ResourceStatus.DRAFT) { errors.push({ row: v.row, column: 'code', reason: `entry ${v.input.code} is ${existing.status}; change it by a change request (000 §9)` }); continue; }
        try { await checkSourceSystem(m, v.input, user.department); } catch (e) {
          if (!(e instanceof BadUserInputError)) throw e;
          errors.push({ row: v.row, column: 'sourceSystemId', reason: e.problems[0].reason }); continue;
        }
        plan.push({ ...v, existing });
      }
      errors.sort((a, b) => a.row - b.row);
      if (errors.length && mode === ImportMode.ALL_OR_NOTHING) {
        await ctx.audit({ action: 'IMPORT', outcome: 'FAILURE', detail: `catalog import ${file.filename} rows=${sheet.rows.length} errors=${errors.length} applied=false` }, m);
        return { applied: false, created: 0, updated: 0, errors };
      }
      let created = 0; let updated = 0;
      for (const p of plan) {
        if (p.existing) {
          await m.getRepository(DataResource).update({ id: p.existing.id, status: ResourceStatus.DRAFT }, entryFields(p.input));
          await writeItems(m, p.existing.id, p.input); updated++;
        } else {
          const id = randomUUID();
          await m.getRepository(DataResource).insert(m.getRepository(DataResource).create({
            ...entryFields(p.input), id, departmentId: user.department, regionCode: user.region, status: ResourceStatus.DRAFT, version: 1,
            submissionCount: 0, reviewOverdue: false, createdBy: user.username,
          }));
          await writeItems(m, id, p.input); created++;
        }
      }
      // Inside the transaction: if the record cannot be written, the import rolls back (no audit record, no change).
      await ctx.audit({ action: 'IMPORT', detail: `catalog import ${file.filename} rows=${sheet.rows.length} created=${created} updated=${updated} errors=${errors.length}` }, m);
      return { applied: created + updated > 0 || errors.length === 0, created, updated, errors };
    });
  }
}
