import { lookupClass, type ClassificationSystem, type LandUseClass } from './classes.js';

/**
 * The third land survey's deduction (扣除地类): a cropland parcel (图斑) of the 三调 database carries the share of its
 * area that is field ridges (田坎, class 1203) in KCDLBM (扣除地类编码), KCXS (扣除地类系数) and KCMJ (扣除地类面积); the
 * parcel's own class covers TBDLMJ = TBMJ − KCMJ (图斑地类面积 = 图斑面积 − 扣除地类面积). The official statistics count
 * the cropland net of the deduction and the ridges as 田坎 (other land). Field names as in
 * 《第三次全国国土调查技术规程》(TD/T 1055—2019) and its database standard (地类图斑属性结构表).
 */
export interface ParcelDeduction {
  /** share of the parcel's area that belongs to the deducted class, 0 < fraction < 1 */
  fraction: number;
  /** the deducted class (田坎 1203 in practice) */
  landUseClass: LandUseClass;
}

const field = (record: Readonly<Record<string, unknown>>, name: string): unknown => {
  if (name in record) return record[name];
  const found = Object.keys(record).find((key) => key.toUpperCase() === name);
  return found === undefined ? undefined : record[found];
};

const positive = (value: unknown): number | null => {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(number) && number > 0 ? number : null;
};

/**
 * The deduction a parcel carries, or null. The share is KCMJ / TBMJ when both are given (the areas the survey
 * registered), else KCXS (the coefficient; 0.08 = 8 %; a value over 1 is read as a percentage). A deducted code
 * that is no class of the system is ignored (the parcel then counts whole in its own class).
 * @param record - the parcel's attributes
 * @param system - the classification the layer uses (the deducted code is looked up in it, then in the third survey)
 * @example fieldRidgeDeduction({ DLBM: '0103', KCDLBM: '1203', KCXS: 0.1 }, 'third-survey-2017')?.fraction // 0.1
 */
export function fieldRidgeDeduction(record: Readonly<Record<string, unknown>>, system: ClassificationSystem): ParcelDeduction | null {
  const code = field(record, 'KCDLBM');
  if (code === undefined || code === null || String(code).trim() === '') return null;
  const landUseClass = lookupClass(system, code) ?? lookupClass('third-survey-2017', code);
  if (!landUseClass) return null;
  const parcelArea = positive(field(record, 'TBMJ'));
  const deductedArea = positive(field(record, 'KCMJ'));
  let fraction: number | null = parcelArea !== null && deductedArea !== null ? deductedArea / parcelArea : null;
  if (fraction === null) {
    const coefficient = positive(field(record, 'KCXS'));
    fraction = coefficient === null ? null : coefficient > 1 ? coefficient / 100 : coefficient;
  }
  if (fraction === null || !(fraction > 0) || fraction >= 1) return null;
  return { fraction, landUseClass };
}
