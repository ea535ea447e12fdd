import { isValidUscc, normalizeUscc, usccCheckChar } from './uscc';

describe(isValidUscc.name, () => {
  // Codes published on the national enterprise credit information publicity system.
  const published = [
    '914403001922038216', // 华为技术有限公司
    '91440300708461136T', // 深圳市腾讯计算机系统有限公司
    '91110108551385082Q', // 小米科技有限责任公司
    '91330100716105852F', // 阿里巴巴（中国）有限公司
  ];

  it.each(published)('should accept the published code %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it('should refuse a code whose check character is wrong', () => {
    expect(isValidUscc('914403001922038217')).toBe(false);
    expect(isValidUscc('91440300708461136X')).toBe(false);
  });

  it('should refuse characters outside the GB 32100 set and wrong lengths', () => {
    expect(isValidUscc('9144030019220382I6')).toBe(false); // I is not in the set
    expect(isValidUscc('91440300192203821')).toBe(false);
    expect(isValidUscc('9144030019220382166')).toBe(false);
    expect(isValidUscc('91A403001922038216')).toBe(false); // the division code is digits
  });

  it('should compute the check character so that generated codes validate', () => {
    const sut = '91420100MA4K0000' + '1';
    expect(isValidUscc(sut + usccCheckChar(sut))).toBe(true);
  });

  it('should normalise case and surrounding space', () => {
    expect(isValidUscc(normalizeUscc(' 91440300708461136t '))).toBe(true);
  });
});
