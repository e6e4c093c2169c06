// The XLSX of one run: ranking, every indicator of every department, and the evidence behind each.
import ExcelJS from 'exceljs';
import type { AssessmentPeriod } from '../entities/assessment-period';
import type { AssessmentResult, AssessmentRun } from '../entities/assessment-run';

export async function runWorkbook(period: AssessmentPeriod, run: AssessmentRun, results: AssessmentResult[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ranking = wb.addWorksheet('排名');
  ranking.addRow([`${period.name} ${period.regionCode} 第${run.version}版`, run.publishedAt ? `已发布 ${run.publishedAt.toISOString()}` : '未发布']);
  ranking.addRow(['名次', '部门编码', '部门', '总分']);
  for (const r of results) ranking.addRow([r.rank, r.departmentId, r.departmentName, r.total]);
  const ind = wb.addWorksheet('指标');
  ind.addRow(['部门编码', '部门', '指标', '来源', '可用', '原始值', '分子', '分母', '标准化值', '权重', '得分']);
  const ev = wb.addWorksheet('佐证');
  ev.addRow(['部门编码', '部门', '指标', '佐证']);
  for (const r of results) {
    for (const s of r.scores) {
      ind.addRow([r.departmentId, r.departmentName, s.name, s.source, s.available ? '是' : '否', s.value, s.numerator, s.denominator, s.normalised, s.weight, s.score]);
      for (const e of s.evidence) ev.addRow([r.departmentId, r.departmentName, s.name, e]);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
