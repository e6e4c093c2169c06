// Deterministic demo records (the same seed gives the same rows on every machine): a population resource and a
// legal-person resource whose ID numbers (GB 11643) and unified social credit codes (GB 32100) carry valid check digits.

/** mulberry32: a tiny seeded PRNG, enough for demo data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** The 18th character of a GB 11643 citizen ID number for its first 17 digits. */
export function idCheckChar(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * ID_WEIGHTS[i], 0);
  return '10X98765432'[sum % 11];
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** The 18th character of a GB 32100 unified social credit code for its first 17 characters. */
export function usccCheckChar(first17: string): string {
  const sum = [...first17].reduce((s, c, i) => s + USCC_CHARS.indexOf(c) * USCC_WEIGHTS[i], 0);
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
/** GB 11714 organisation code check character (positions 9-17 of a USCC). */
function orgCheckChar(first8: string): string {
  const sum = [...first8].reduce((s, c, i) => s + USCC_CHARS.indexOf(c) * ORG_WEIGHTS[i], 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红娥玲芬燕彬鹏辉浩宇轩然欣怡梓涵子豪一诺雨泽思远佳琪晨阳嘉怡俊杰';
const DISTRICTS = [['420602', '襄城区'], ['420606', '樊城区'], ['420607', '襄州区'], ['420683', '枣阳市']] as const;
const ROADS = ['人民路', '长虹路', '春园路', '檀溪路', '解放路', '前进路', '建设路', '胜利街', '丹江路', '航空路'];
const FIRMS = ['汉江', '隆中', '古隆', '襄水', '鹿门', '岘山', '米公', '卧龙', '檀溪', '华中'];
const TRADES = ['商贸', '科技', '建材', '食品', '物流', '汽车零部件', '农业', '纺织', '医药', '文化传媒'];

const pick = <T>(r: () => number, xs: ArrayLike<T>): T => xs[Math.floor(r() * xs.length)];
const digits = (r: () => number, n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');

export interface PopulationRow { 姓名: string; 公民身份号码: string; 联系电话: string; 住址: string; 户号: string }
export interface LegalPersonRow { 统一社会信用代码: string; 企业名称: string; 法定代表人: string; 住所: string }

function personName(r: () => number): string {
  return pick(r, SURNAMES) + pick(r, GIVEN) + (r() < 0.6 ? pick(r, GIVEN) : '');
}

/** Row i of the population resource; ID numbers are unique (the 3-digit sequence and birth day come from i). */
export function populationRow(i: number, seed = 4206): PopulationRow {
  const r = prng(seed * 1_000_003 + i);
  const [code, district] = pick(r, DISTRICTS);
  const birth = new Date(Date.UTC(1950, 0, 1) + (i % 20000) * 86_400_000);
  const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
  const seq = String(Math.floor(i / 20000) % 1000).padStart(3, '0');
  const first17 = `${code}${ymd}${seq}`;
  return {
    姓名: personName(r),
    公民身份号码: first17 + idCheckChar(first17),
    联系电话: `1${pick(r, '3456789')}${digits(r, 9)}`,
    住址: `湖北省襄阳市${district}${pick(r, ROADS)}${1 + Math.floor(r() * 300)}号`,
    户号: `H${code}${String(i).padStart(8, '0')}`,
  };
}

/** Row i of the legal-person resource; credit codes are unique (the organisation code comes from i). */
export function legalPersonRow(i: number, seed = 4206): LegalPersonRow {
  const r = prng(seed * 2_000_003 + i);
  const [code, district] = pick(r, DISTRICTS);
  const org8 = `MA${String(i).padStart(6, '0')}`;
  const first17 = `91${code}${org8}${orgCheckChar(org8)}`;
  return {
    统一社会信用代码: first17 + usccCheckChar(first17),
    企业名称: `襄阳市${pick(r, FIRMS)}${pick(r, TRADES)}有限公司${i}`,
    法定代表人: personName(r),
    住所: `湖北省襄阳市${district}${pick(r, ROADS)}${1 + Math.floor(r() * 300)}号`,
  };
}
