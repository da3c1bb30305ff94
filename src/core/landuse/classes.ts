import landSeaUse2023 from './tables/land-sea-use-2023.json';
import thirdSurvey2017 from './tables/third-survey-2017.json';

/**
 * The two national land-use classifications as data (tables/*.json, each stating its source, its default
 * grouping rule and where its colours come from), and code lookup.
 */
export type ClassificationSystem = 'land-sea-use-2023' | 'third-survey-2017';
export type LandUseGroup = 'blue-green' | 'urban-construction' | 'other';

export const CLASSIFICATION_SYSTEMS: readonly ClassificationSystem[] = ['land-sea-use-2023', 'third-survey-2017'];
export const LAND_USE_GROUPS: readonly LandUseGroup[] = ['blue-green', 'urban-construction', 'other'];

export interface LandUseClass {
  system: ClassificationSystem;
  code: string;
  name: string;
  nameEn: string;
  /** default group (the table's rule); the user can change it per class */
  group: LandUseGroup;
  /** fill colour, `#RRGGBB` */
  colour: string;
  /** third survey only: the corresponding 2023 land/sea-use class, whose colour it is drawn in */
  correspondsTo?: string;
}

export interface ClassificationTable {
  system: ClassificationSystem;
  title: string;
  titleEn: string;
  source: string;
  /** attribute fields that usually hold the code / the name in this system, most usual first */
  codeFields: string[];
  nameFields: string[];
  /** the default grouping rule in words (English and Chinese), shown to the user */
  groupRule: string;
  groupRuleZh: string;
  colourSource: string;
  classes: LandUseClass[];
}

function load(raw: Omit<ClassificationTable, 'classes'> & { classes: Omit<LandUseClass, 'system'>[] }): ClassificationTable {
  return { ...raw, classes: raw.classes.map((item) => ({ ...item, system: raw.system, group: item.group as LandUseGroup })) };
}

export const CLASSIFICATION_TABLES: Readonly<Record<ClassificationSystem, ClassificationTable>> = {
  'land-sea-use-2023': load(landSeaUse2023 as Parameters<typeof load>[0]),
  'third-survey-2017': load(thirdSurvey2017 as Parameters<typeof load>[0]),
};

const byCode = new Map<ClassificationSystem, Map<string, LandUseClass>>(
  CLASSIFICATION_SYSTEMS.map((system) => [system, new Map(CLASSIFICATION_TABLES[system].classes.map((item) => [item.code, item]))]),
);

/** Codes are written `0701`, `0701 `, `０７０１` or `0701.0` by different software: one spelling for lookup. */
export function normaliseCode(value: unknown): string {
  if (typeof value === 'number') {
    // A numeric field drops the leading zero of 0101: codes have an even number of digits.
    const text = Number.isInteger(value) ? String(value) : '';
    return text.length % 2 === 1 ? `0${text}` : text;
  }
  if (typeof value !== 'string') return '';
  return value
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .replace(/\.0+$/, '')
    .toUpperCase();
}

/** Names lose spaces and brackets' contents' spacing; full-width and half-width brackets are the same. */
export function normaliseName(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')') : '';
}

/**
 * The class of a code in one system: the exact code, else its nearest listed parent (a third-level code
 * `070102` not in the table falls back to `0701`, then `07`).
 * @param system - which classification
 * @param code - the code as written in the attribute table
 * @returns the class, or undefined for a code of no class in this system
 */
export function lookupClass(system: ClassificationSystem, code: unknown): LandUseClass | undefined {
  const table = byCode.get(system)!;
  const key = normaliseCode(code);
  if (key.length < 2) return undefined;
  for (const candidate of [key, key.slice(0, 4), key.slice(0, 2)]) {
    const found = table.get(candidate);
    if (found) return found;
  }
  return undefined;
}

const byName = new Map<ClassificationSystem, Map<string, LandUseClass>>(
  CLASSIFICATION_SYSTEMS.map((system) => [system, new Map(CLASSIFICATION_TABLES[system].classes.map((item) => [normaliseName(item.name), item]))]),
);

/** The class with exactly this name in one system, or undefined. */
export function lookupClassByName(system: ClassificationSystem, name: unknown): LandUseClass | undefined {
  return byName.get(system)!.get(normaliseName(name));
}

/** Whether a name written in the data is the class's name (equal, or one contains the other: `二类城镇住宅用地` ⊃ `城镇住宅用地`). */
export function nameMatches(item: LandUseClass, name: unknown): boolean {
  const written = normaliseName(name);
  const own = normaliseName(item.name);
  return written !== '' && (written === own || written.includes(own) || own.includes(written));
}
