// The PDF report of one run: ranking and each department's indicators, Chinese text in an embedded CJK font
// (Noto Sans CJK from Debian's fonts-noto-cjk by default; ASSESSMENT_PDF_FONT names another TTF/OTF/TTC).
import { existsSync } from 'node:fs';
import { ConflictError } from '@gov/kit';
import PDFDocument from 'pdfkit';
import type { AssessmentPeriod } from '../entities/assessment-period';
import type { AssessmentResult, AssessmentRun } from '../entities/assessment-run';

export interface PdfFont { path: string; family?: string }

export async function runPdf(period: AssessmentPeriod, run: AssessmentRun, results: AssessmentResult[], font: PdfFont): Promise<Buffer> {
  if (!existsSync(font.path)) throw new ConflictError(`the PDF report needs a CJK font; ${font.path} is missing (install fonts-noto-cjk or set ASSESSMENT_PDF_FONT)`);
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `${period.name} 数据资源工作考核 第${run.version}版` } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });
  // A .ttc holds several faces: pick the Simplified Chinese one by its PostScript name.
  doc.registerFont('cjk', font.path, font.family ?? (font.path.endsWith('.ttc') ? 'NotoSansCJKsc-Regular' : undefined));
  doc.font('cjk');
  doc.fontSize(16).text(`${period.name} 政务数据资源工作考核结果（${period.regionCode}，第${run.version}版）`);
  doc.fontSize(9).text(run.publishedAt ? `已发布：${run.publishedAt.toISOString()}` : '未发布', { paragraphGap: 8 });
  doc.fontSize(12).text('排名', { paragraphGap: 4 });
  doc.fontSize(10);
  for (const r of results) doc.text(`${r.rank}. ${r.departmentName}（${r.departmentId}）  总分 ${r.total}`);
  for (const r of results) {
    doc.moveDown().fontSize(12).text(`${r.departmentName}  ${r.total}`);
    doc.fontSize(9);
    for (const s of r.scores) {
      doc.text(`${s.name}：${s.available ? `原始值 ${s.value ?? '无'}，标准化 ${s.normalised}，权重 ${s.weight}，得分 ${s.score}` : '来源暂未提供'}`);
      for (const e of s.evidence.slice(0, 5)) doc.text(`    佐证：${e}`);
    }
  }
  doc.end();
  return done;
}
