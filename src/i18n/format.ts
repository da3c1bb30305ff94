/**
 * The one place numbers are written for the user, per language: plain numbers, signed differences,
 * percentages ("71.9%" in both languages: Intl's percent style) and areas in km², ha and 亩.
 * Missing values (null, NaN, ±∞) are written as `fallback`.
 */
import type { Lang } from './messages.ts';
import { toHectares, toKm2, toMu } from '../core/analysis/units.ts';

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en');
const missing = (value: number | null): value is null => value === null || !Number.isFinite(value);

/**
 * A number with fixed decimals and grouping per language.
 * @example formatNumber(1234.5, 'en', 1) // '1,234.5'
 */
export function formatNumber(value: number | null, lang: Lang, digits = 1, fallback = '—'): string {
  if (missing(value)) return fallback;
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/**
 * A signed number (+0.01, −1.2; zero unsigned).
 * @example formatSigned(-1.234, 'en', 2) // '-1.23'
 */
export function formatSigned(value: number, lang: Lang, digits = 2): string {
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(value);
}

/**
 * A 0..1 ratio as a percentage with one decimal.
 * @example formatPercent(0.719, 'en') // '71.9%'
 */
export function formatPercent(ratio: number | null, lang: Lang, fallback = '—'): string {
  if (missing(ratio)) return fallback;
  return new Intl.NumberFormat(locale(lang), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ratio);
}

/** A target percentage without a trailing ".0" (70% rather than 70.0%). */
export function formatTargetPercent(ratio: number, lang: Lang): string {
  return formatPercent(ratio, lang).replace(/\.0(?=\D*$)/, '');
}

export type AreaUnit = 'km2' | 'ha' | 'mu';
const UNIT_TEXT: Record<AreaUnit, Record<Lang, string>> = {
  km2: { zh: '平方公里', en: 'km²' },
  ha: { zh: '公顷', en: 'ha' },
  mu: { zh: '亩', en: 'mu' },
};

/**
 * An area in km², ha or 亩 with its unit. Digits default to what a reader needs: km² with two decimals
 * below 10 km² and one above, ha and 亩 whole.
 * @param squareMeters - the area in m²
 * @example formatArea(2_500_000, 'km2', 'en') // '2.50 km²'
 */
export function formatArea(squareMeters: number | null, unit: AreaUnit, lang: Lang, digits?: number, fallback = '—'): string {
  if (missing(squareMeters)) return fallback;
  const value = unit === 'km2' ? toKm2(squareMeters) : unit === 'ha' ? toHectares(squareMeters) : toMu(squareMeters);
  const places = digits ?? (unit === 'km2' ? (value < 10 ? 2 : 1) : 0);
  const text = formatNumber(value, lang, places, fallback);
  return lang === 'zh' ? `${text} ${UNIT_TEXT[unit].zh}` : `${text} ${UNIT_TEXT[unit].en}`;
}

/**
 * A length in m below 1 km and in km above (two decimals below 10 km, one above).
 * @example formatLength(3421, 'en') // '3.42 km'
 */
export function formatLength(meters: number | null, lang: Lang, fallback = '—'): string {
  if (missing(meters)) return fallback;
  if (meters < 1000) return `${formatNumber(meters, lang, 0)} ${lang === 'zh' ? '米' : 'm'}`;
  return `${formatNumber(meters / 1000, lang, meters < 10_000 ? 2 : 1)} ${lang === 'zh' ? '公里' : 'km'}`;
}
