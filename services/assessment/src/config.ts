// assessment's settings: typed env, parsed once at boot by runService and passed down as deps.config.
import { commonConfig, env, type CommonConfig } from '@gov/kit';

export interface AssessmentConfig extends CommonConfig {
  /** The CJK font embedded in PDF reports (Debian fonts-noto-cjk by default). */
  pdfFont: string;
}

export function loadConfig(): AssessmentConfig {
  return { ...commonConfig(), pdfFont: env('ASSESSMENT_PDF_FONT', '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc') };
}
