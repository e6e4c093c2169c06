import { idNumberCheckChar, isValidIdNumber, isValidUscc, usccCheckChar } from './checksums';
import { maskValue } from './mask';
import { DEFAULT_GRADE_POLICY, GRADES, treatmentFor, USAGE_MODES, type GradePolicyRule } from './policy';

describe('GB 11643 citizen ID numbers (000 §23 personal information)', () => {
  test('valid numbers, including the check character X and the standard examples', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true); // GB 11643 example, check character X
    expect(isValidIdNumber('11010519491231002x')).toBe(true); // lower-case x as written on forms
    expect(isValidIdNumber('440524188001010014')).toBe(true); // GB 11643 example
    const xiangyang = `42060219900101123`;
    expect(isValidIdNumber(xiangyang + idNumberCheckChar(xiangyang))).toBe(true);
  });

  test('a wrong check character, an impossible date, a wrong length or letters are rejected', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber(`42060219900230123${idNumberCheckChar('42060219900230123')}`)).toBe(false); // 30 February
    expect(isValidIdNumber(`42060219901301123${idNumberCheckChar('42060219901301123')}`)).toBe(false); // month 13
    expect(isValidIdNumber('11010519491231002')).toBe(false);
    expect(isValidIdNumber('11010519491231002XX')).toBe(false);
    expect(isValidIdNumber('A1010519491231002X')).toBe(false);
    expect(isValidIdNumber('')).toBe(false);
  });
});

describe('GB 32100 unified social credit codes', () => {
  test('real codes of registered companies validate', () => {
    expect(isValidUscc('9144030071526726XG')).toBe(true);
    expect(isValidUscc('914403001922038216')).toBe(true);
    expect(isValidUscc('91330100799655058B')).toBe(true);
    expect(isValidUscc('91110108551385082Q')).toBe(true);
  });

  test('a changed character, a forbidden letter (I O S V Z), lower case or a wrong length are rejected', () => {
    expect(isValidUscc('9144030071526726XH')).toBe(false);
    expect(isValidUscc('9144030071526727XG')).toBe(false);
    expect(isValidUscc('91440300715267I6XG')).toBe(false);
    expect(isValidUscc('9144030071526726xg')).toBe(false);
    expect(isValidUscc('9144030071526726X')).toBe(false);
    expect(usccCheckChar('91440300715267O6X')).toBeNull();
  });
});

describe('masking (脱敏) of personal and legal-person identifiers, 000 §23-25', () => {
  test.each([
    ['ID_NUMBER', '420602199001011233', '420602********1233'],
    ['ID_NUMBER', '11010519491231002X', '110105********002X'],
    ['ID_NUMBER', '420602900101123', '420602******123'],
    ['MOBILE', '13812345678', '138****5678'],
    ['MOBILE', '+86 138-1234-5678', '+86 138****5678'],
    ['MOBILE', '19971234567', '199****4567'],
    ['NAME', '张三', '张*'],
    ['NAME', '张小三', '张*三'],
    ['NAME', '欧阳娜娜', '欧**娜'],
    ['NAME', '诸葛孔明亮', '诸***亮'],
    ['NAME', '买买提·艾力', '买**·艾*'],
    ['NAME', '王', '*'],
    ['ADDRESS', '湖北省襄阳市襄城区檀溪路123号', '湖北省襄阳市襄城区*******'],
    ['ADDRESS', '襄阳市樊城区人民路5号3单元', '襄阳市樊城区********'],
    ['ADDRESS', '枣阳市南城街道办事处', '枣阳市*******'],
    ['ADDRESS', '新疆维吾尔自治区乌鲁木齐市天山区解放路1号', '新疆维吾尔自治区乌鲁木齐市天山区*****'],
    ['ADDRESS', '檀溪路123号', '檀溪*****'],
    ['BANK_CARD', '6222021234567890123', '622202*********0123'],
    ['BANK_CARD', '6222 0212 3456 7890', '622202******7890'],
    ['BANK_CARD', '123456789012', '********9012'],
    ['USCC', '91420600MA49A0XX32', '91420600********32'],
    ['USCC', '9144030071526726XG', '91440300********XG'],
    ['EMAIL', 'zhangsan@xiangyang.gov.cn', 'z***n@xiangyang.gov.cn'],
    ['EMAIL', 'li@163.com', 'l***@163.com'],
    ['GENERIC', '机密资料内容很长的一段', '机*********段'],
    ['GENERIC', 'ab', '**'],
  ] as const)('%s %s -> %s', (kind, value, masked) => {
    expect(maskValue(kind, value)).toBe(masked);
  });

  test('malformed values never show more than the generic mask', () => {
    expect(maskValue('ID_NUMBER', '4206021990')).toBe('4********0');
    expect(maskValue('MOBILE', '0710-1234567')).toBe('0**********7');
    expect(maskValue('EMAIL', 'not-an-email')).toBe('n**********l');
    expect(maskValue('USCC', '914206')).toBe('9*****');
    expect(maskValue('BANK_CARD', '12345')).toBe('1****');
  });

  test('the masked value never contains the hidden middle of the original', () => {
    expect(maskValue('ID_NUMBER', '420602199001011233')).not.toContain('19900101');
    expect(maskValue('BANK_CARD', '6222021234567890123')).not.toContain('123456789');
  });
});

describe('grade policy (000 §24-25: protection per grade, masking at delivery)', () => {
  test('the seed covers every grade x usage mode x item sensitivity exactly once', () => {
    expect(DEFAULT_GRADE_POLICY).toHaveLength(GRADES.length * USAGE_MODES.length * GRADES.length);
    const keys = new Set(DEFAULT_GRADE_POLICY.map((r) => `${r.grade}/${r.usageMode}/${r.itemSensitivity}`));
    expect(keys.size).toBe(48);
  });

  test('seed: non-sensitive items clear, MEDIUM masked, HIGH items never pushed', () => {
    const t = (grade: 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH', usageMode: 'VERIFY' | 'QUERY' | 'PUSH', itemSensitivity: 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH') =>
      treatmentFor(DEFAULT_GRADE_POLICY, { grade, usageMode, itemSensitivity });
    expect(t('LOW', 'QUERY', 'NONE')).toBe('CLEAR');
    expect(t('MEDIUM', 'QUERY', 'MEDIUM')).toBe('MASKED');
    expect(t('MEDIUM', 'QUERY', 'HIGH')).toBe('MASKED');
    expect(t('HIGH', 'QUERY', 'HIGH')).toBe('MASKED');
    expect(t('HIGH', 'VERIFY', 'HIGH')).toBe('MASKED');
    expect(t('MEDIUM', 'PUSH', 'HIGH')).toBe('WITHHELD');
    expect(t('HIGH', 'PUSH', 'LOW')).toBe('MASKED');
  });

  test('no matching rule: WITHHELD (fail closed); conflicting rules: the most restrictive', () => {
    expect(treatmentFor([], { grade: 'LOW', usageMode: 'QUERY', itemSensitivity: 'LOW' })).toBe('WITHHELD');
    const rules: GradePolicyRule[] = [
      { grade: 'LOW', usageMode: 'QUERY', itemSensitivity: 'LOW', treatment: 'CLEAR' },
      { grade: 'LOW', usageMode: 'QUERY', itemSensitivity: 'LOW', treatment: 'MASKED' },
    ];
    expect(treatmentFor(rules, { grade: 'LOW', usageMode: 'QUERY', itemSensitivity: 'LOW' })).toBe('MASKED');
  });

  test('a grant for clear text lifts MASKED to CLEAR but never releases a WITHHELD item', () => {
    expect(treatmentFor(DEFAULT_GRADE_POLICY, { grade: 'MEDIUM', usageMode: 'QUERY', itemSensitivity: 'MEDIUM', clearTextGranted: true })).toBe('CLEAR');
    expect(treatmentFor(DEFAULT_GRADE_POLICY, { grade: 'HIGH', usageMode: 'QUERY', itemSensitivity: 'HIGH', clearTextGranted: true })).toBe('CLEAR');
    expect(treatmentFor(DEFAULT_GRADE_POLICY, { grade: 'HIGH', usageMode: 'PUSH', itemSensitivity: 'HIGH', clearTextGranted: true })).toBe('WITHHELD');
    expect(treatmentFor([], { grade: 'NONE', usageMode: 'VERIFY', itemSensitivity: 'NONE', clearTextGranted: true })).toBe('WITHHELD');
  });
});
