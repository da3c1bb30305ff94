import { describe, expect, it } from 'vitest';
import { formatArea, formatNumber, formatPercent, formatSigned, formatTargetPercent } from '../../src/i18n/format.ts';
import { formatPercent as studyPercent } from '../../src/ui/components/study/study-figures.ts';

describe('formatting (one module for every figure on screen)', () => {
  it('writes percentages the same way in both languages and in every panel', () => {
    expect(formatPercent(0.719, 'en')).toBe('71.9%');
    expect(formatPercent(0.719, 'zh')).toBe('71.9%');
    expect(studyPercent('en', 0.719)).toBe(formatPercent(0.719, 'en'));
    expect(studyPercent('zh', 0.719)).toBe(formatPercent(0.719, 'zh'));
    expect(formatTargetPercent(0.7, 'en')).toBe('70%');
    expect(formatPercent(null, 'en')).toBe('—');
    expect(formatPercent(Number.NaN, 'zh', '')).toBe('');
  });

  it('writes numbers with fixed decimals and grouping, and signed differences', () => {
    expect(formatNumber(1234.56, 'en', 1)).toBe('1,234.6');
    expect(formatNumber(798, 'zh', 0)).toBe('798');
    expect(formatSigned(0.0098, 'en', 2)).toBe('+0.01');
    expect(formatSigned(0, 'en', 1)).toBe('0.0');
  });

  it('writes areas in km², ha and 亩 with their units', () => {
    expect(formatArea(2_500_000, 'km2', 'en')).toBe('2.50 km²');
    expect(formatArea(25_000_000, 'km2', 'zh')).toBe('25.0 平方公里');
    expect(formatArea(2_500_000, 'ha', 'en')).toBe('250 ha');
    expect(formatArea(10_000, 'mu', 'zh')).toBe('15 亩');
    expect(formatArea(null, 'mu', 'en')).toBe('—');
  });
});
