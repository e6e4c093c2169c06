// The default indicator set of a new period (000 §28, 004 §34). The seeds give no weights, so the split follows the
// weight of each duty in 000 §28 / 004 §34 and the public methods it resembles: catalog and mounting 35% (the
// "availability" pillar of OECD OURdata and the "data availability" of the Global Open Data Index), sharing 25%
// (accessibility / responsiveness: OURdata's "government support for re-use"), quality 15% (EU Open Data Maturity's
// "quality" dimension), open data 15% (ODM "impact" / OURdata "re-use"), projects' post-evaluation 10% (001 项目 §33).
// The authority edits any of it per period; each weight below is relative (the available ones are scaled to sum 1).
import { IndicatorDirection as D, IndicatorSource as S, IndicatorUnit as U } from '../entities/enums';
import type { IndicatorSnapshot } from '../entities/assessment-run';

const d = (key: string, name: string, definition: string, unit: U, direction: D, weight: number, source: S, basis: string) =>
  ({ key, name, definition, unit, direction, weight, source, basis });

export const DEFAULT_INDICATORS: Array<IndicatorSnapshot & { basis: string }> = [
  d('catalog.coverage', '目录编制覆盖率', '已编目（有已发布目录）的信息系统 / 在册信息系统', U.RATE, D.HIGHER_BETTER, 0.15, S.CATALOG, '000 §28, 002 §2(3); OURdata availability'),
  d('catalog.mountRate', '资源挂接率', '已挂接的已发布目录 / 已发布目录', U.RATE, D.HIGHER_BETTER, 0.1, S.CATALOG, '000 §13, §28; GODI data availability'),
  d('catalog.changesOnTime', '目录变更按时率', '15个工作日内报送的目录变更 / 期内目录变更', U.RATE, D.HIGHER_BETTER, 0.1, S.CATALOG, '004 §9'),
  d('sharing.answeredOnTime', '共享申请按期响应率', '期内提交的有条件共享申请中未超期的 / 期内提交的申请', U.RATE, D.HIGHER_BETTER, 0.15, S.SHARING, '000 §17, §28; OURdata government support'),
  d('sharing.refusalsWithReason', '不予共享说明理由率', '附理由的拒绝 / 拒绝', U.RATE, D.HIGHER_BETTER, 0.05, S.SHARING, '000 §17'),
  d('sharing.escalations', '共享督办次数', '期内被升级至主管部门督办的申请数（部门间最少者满分）', U.COUNT, D.LOWER_BETTER, 0.05, S.SHARING, '004 §34'),
  d('quality.fixedInTime', '问题数据按期整改率', '按期整改的问题数据 / 期内问题数据', U.RATE, D.HIGHER_BETTER, 0.1, S.QUALITY, '000 §21, §28; ODM quality'),
  d('quality.reopenRate', '问题数据重开率', '整改后重开的问题 / 已整改问题', U.RATE, D.LOWER_BETTER, 0.05, S.QUALITY, '004 §34; ODM quality'),
  d('openData.feedbackOnTime', '开放数据意见按期答复率', '10个工作日内答复的投诉与意见 / 期内投诉与意见', U.RATE, D.HIGHER_BETTER, 0.1, S.OPEN_DATA, '003 §37; ODM impact'),
  d('openData.use', '开放数据利用率', '有下载或接口调用的开放数据集 / 开放数据集', U.RATE, D.HIGHER_BETTER, 0.05, S.OPEN_DATA, '003 §9; OURdata re-use'),
  d('projects.postEvaluation', '项目后评价得分', '期内后评价项目的平均得分 / 100', U.RATE, D.HIGHER_BETTER, 0.1, S.PROJECTS, '001 项目 §33'),
];
