// The default indicator set of a new period (000 §28, 004 §34). The seeds give no weights, so the split follows the
// weight of each duty in 000 §28 / 004 §34 and the public methods it resembles: catalog and mounting 27% (the
// "availability" pillar of OECD OURdata and the "data availability" of the Global Open Data Index), sharing 25%
// (accessibility / responsiveness: OURdata's "government support for re-use"), quality 21% (EU Open Data Maturity's
// "quality" dimension, with timeliness against the declared cycle and objections, 000 §14, §26), open data 14% (ODM
// "impact" / OURdata "re-use", GODI "openness"), security 5% (000 §24: a duty, scored by its failures), projects'
// post-evaluation 8% (001 项目 §33). The authority edits any of it per period; the weights are relative (the available
// ones are scaled to sum 1).
import { IndicatorDirection as D, IndicatorSource as S, IndicatorUnit as U } from '../entities/enums';
import type { IndicatorSnapshot } from '../entities/assessment-run';

const d = (key: string, name: string, definition: string, unit: U, direction: D, weight: number, source: S, basis: string) =>
  ({ key, name, definition, unit, direction, weight, source, basis });

export const DEFAULT_INDICATORS: Array<IndicatorSnapshot & { basis: string }> = [
  d('catalog.coverage', '目录编制覆盖率', '已编目（有已发布目录）的信息系统 / 在册信息系统', U.RATE, D.HIGHER_BETTER, 0.12, S.CATALOG, '000 §28, 002 §2(3); OURdata availability'),
  d('catalog.mountRate', '资源挂接率', '已挂接的已发布目录 / 已发布目录', U.RATE, D.HIGHER_BETTER, 0.08, S.CATALOG, '000 §13, §28; GODI data availability'),
  d('catalog.changesOnTime', '目录变更按时率', '15个工作日内报送的目录变更 / 期内目录变更', U.RATE, D.HIGHER_BETTER, 0.07, S.CATALOG, '004 §9'),
  d('sharing.answeredOnTime', '共享申请按期响应率', '期内提交的有条件共享申请中未超期的 / 期内提交的申请', U.RATE, D.HIGHER_BETTER, 0.12, S.SHARING, '000 §17, §28; OURdata government support'),
  d('sharing.refusalsWithReason', '不予共享说明理由率', '附理由的拒绝 / 拒绝', U.RATE, D.HIGHER_BETTER, 0.04, S.SHARING, '000 §17'),
  d('sharing.deliveredOnTime', '共享数据按时交付率', '备案后1个工作日内交付的申请 / 应交付的申请', U.RATE, D.HIGHER_BETTER, 0.05, S.SHARING, '000 §17; OURdata accessibility'),
  d('sharing.escalations', '共享督办次数', '期内被升级至主管部门督办的申请数（部门间最少者满分）', U.COUNT, D.LOWER_BETTER, 0.04, S.SHARING, '004 §34'),
  d('quality.fixedInTime', '问题数据按期整改率', '按期整改的问题数据 / 期内核验的问题数据', U.RATE, D.HIGHER_BETTER, 0.08, S.QUALITY, '000 §14, §28; ODM quality'),
  d('quality.reopenRate', '问题数据重开率', '整改后重开的问题 / 已整改问题', U.RATE, D.LOWER_BETTER, 0.04, S.QUALITY, '004 §34; ODM quality'),
  d('quality.updatedOnCycle', '目录数据按周期更新率', '期内最近一次检查时未超过更新周期的资源 / 期内检查的资源', U.RATE, D.HIGHER_BETTER, 0.05, S.QUALITY, '001 §16, 000 §14; ODM quality (timeliness)'),
  d('quality.objectionsHandled', '异议按期处理率', '在核实期限内作出处理决定的异议 / 期内受理的异议', U.RATE, D.HIGHER_BETTER, 0.04, S.QUALITY, '000 §26, §28'),
  d('openData.datasets', '开放数据集数量', '期末开放的数据集数（部门间最多者满分）', U.COUNT, D.HIGHER_BETTER, 0.03, S.OPEN_DATA, '003 §9, §37; GODI openness'),
  d('openData.use', '开放数据利用率', '期内有下载或接口调用的开放数据集 / 开放数据集', U.RATE, D.HIGHER_BETTER, 0.03, S.OPEN_DATA, '003 §9; OURdata re-use'),
  d('openData.calls', '开放数据下载与调用量', '期内下载次数 + 接口调用次数（部门间最多者满分）', U.COUNT, D.HIGHER_BETTER, 0.03, S.OPEN_DATA, '003 §37; ODM impact'),
  d('openData.feedbackOnTime', '开放数据投诉与意见按期答复率', '10个工作日内答复的投诉与意见 / 期内投诉与意见', U.RATE, D.HIGHER_BETTER, 0.05, S.OPEN_DATA, '003 §17, §24, §37; ODM impact'),
  d('security.incidents', '安全事件数', '期内在本部门发生并报告的安全事件数（部门间最少者满分）', U.COUNT, D.LOWER_BETTER, 0.05, S.SECURITY, '000 §24, §28'),
  d('projects.postEvaluation', '项目后评价得分', '期内后评价项目的平均得分 / 100', U.RATE, D.HIGHER_BETTER, 0.08, S.PROJECTS, '001 项目 §33'),
];
