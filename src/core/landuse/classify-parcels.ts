import {
  CLASSIFICATION_SYSTEMS, CLASSIFICATION_TABLES, LAND_USE_GROUPS, lookupClass, lookupClassByName, nameMatches, normaliseCode,
  type ClassificationSystem, type LandUseClass, type LandUseGroup,
} from './classes.js';

/** Which attribute fields hold the class, in which system (detected, or chosen by the user). */
export interface ClassificationChoice {
  system: ClassificationSystem;
  codeField: string;
  /** the name field, when there is one: it settles codes that mean different classes in the two systems */
  nameField?: string;
}

export interface ClassificationCandidate extends ClassificationChoice {
  /** records whose code (and name, if any) is a class of this system */
  matched: number;
  total: number;
}

type AttributeRecord = Readonly<Record<string, unknown>>;

const DETECTION_SAMPLE = 2000;

function fieldLookup(fields: readonly string[]): (name: string) => string | undefined {
  const upper = new Map(fields.map((field) => [field.toUpperCase(), field]));
  return (name) => upper.get(name.toUpperCase());
}

/**
 * Finds the code field, name field and classification system that explain most records: each system's usual
 * field names are tried (YDYHFLDM / YDYHFLMC, DLBM / DLMC, …), and a record counts when its code is a class of
 * that system and its name, if there is a name field, is that class's name.
 * @param fields - attribute field names
 * @param records - attribute records (the first 2000 are looked at)
 * @returns candidates, best first; the first is the detected choice (none when nothing matched)
 */
export function detectClassification(fields: readonly string[], records: readonly AttributeRecord[]): ClassificationCandidate[] {
  const find = fieldLookup(fields);
  const sample = records.slice(0, DETECTION_SAMPLE);
  const candidates: ClassificationCandidate[] = [];
  for (const system of CLASSIFICATION_SYSTEMS) {
    const table = CLASSIFICATION_TABLES[system];
    const nameField = table.nameFields.map(find).find((field) => field !== undefined);
    for (const codeField of table.codeFields.map(find)) {
      if (!codeField) continue;
      let matched = 0;
      for (const record of sample) {
        const item = lookupClass(system, record[codeField]);
        if (item && (!nameField || nameMatches(item, record[nameField]))) matched++;
      }
      candidates.push({ system, codeField, ...(nameField ? { nameField } : {}), matched, total: sample.length });
    }
  }
  return candidates.filter((candidate) => candidate.matched > 0).sort((a, b) => b.matched - a.matched);
}

export interface ClassifiedParcels {
  /** per record (same order as the input): the class, or null when the code is of no known class */
  classes: (LandUseClass | null)[];
  /** records classified in the other system because their code and name belong there (mixed systems) */
  otherSystemCount: number;
  otherSystemExamples: string[];
  /** records whose code is a class but whose name is another: the code is followed */
  nameMismatchCount: number;
  nameMismatchExamples: string[];
  /** codes of no known class, with how many records carry each */
  unknownCodes: { code: string; name: string; count: number }[];
}

const EXAMPLES = 5;

/**
 * Classifies every record. The chosen system is tried first; a record whose code and name are not a class
 * of it but are one of the other system is classified there and counted (a layer mixing both systems).
 * @param records - attribute records
 * @param choice - fields and system
 */
export function classifyParcels(records: readonly AttributeRecord[], choice: ClassificationChoice): ClassifiedParcels {
  const other = CLASSIFICATION_SYSTEMS.find((system) => system !== choice.system)!;
  const result: ClassifiedParcels = { classes: [], otherSystemCount: 0, otherSystemExamples: [], nameMismatchCount: 0, nameMismatchExamples: [], unknownCodes: [] };
  const unknown = new Map<string, { code: string; name: string; count: number }>();
  for (const record of records) {
    const code = record[choice.codeField];
    const name = choice.nameField ? record[choice.nameField] : undefined;
    const own = lookupClass(choice.system, code);
    if (own && (name === undefined || nameMatches(own, name))) {
      result.classes.push(own);
      continue;
    }
    const theirs = lookupClass(other, code) ?? (name !== undefined ? lookupClassByName(other, name) : undefined);
    if (theirs && (name === undefined ? !own : nameMatches(theirs, name))) {
      result.classes.push(theirs);
      result.otherSystemCount++;
      if (result.otherSystemExamples.length < EXAMPLES) result.otherSystemExamples.push(`${normaliseCode(code)} ${String(name ?? '')}`.trim());
      continue;
    }
    const byName = name !== undefined ? lookupClassByName(choice.system, name) : undefined;
    if (own || byName) {
      result.classes.push(own ?? byName!);
      result.nameMismatchCount++;
      if (result.nameMismatchExamples.length < EXAMPLES) result.nameMismatchExamples.push(`${normaliseCode(code)} ${String(name ?? '')}`.trim());
      continue;
    }
    result.classes.push(null);
    const key = `${normaliseCode(code)}|${String(name ?? '')}`;
    const entry = unknown.get(key) ?? { code: normaliseCode(code), name: String(name ?? ''), count: 0 };
    entry.count++;
    unknown.set(key, entry);
  }
  result.unknownCodes = [...unknown.values()].sort((a, b) => b.count - a.count);
  return result;
}

/** A class's key across both systems, e.g. `third-survey-2017:1001`. */
export function classKey(item: LandUseClass): string {
  return `${item.system}:${item.code}`;
}

/**
 * The group the user gave a key (`system:code` or `unknown:<code>`), if it is one of the groups: saved or
 * hand-edited settings never make a parcel count in a group that does not exist.
 */
export function chosenGroup(overrides: Readonly<Record<string, unknown>> | undefined, key: string): LandUseGroup | undefined {
  if (!overrides || !Object.prototype.hasOwnProperty.call(overrides, key)) return undefined;
  const group = overrides[key];
  return LAND_USE_GROUPS.includes(group as LandUseGroup) ? (group as LandUseGroup) : undefined;
}

/** Prefix of the key of a code no classification knows: `unknown:<code>` (the code as normaliseCode writes it). */
export const UNKNOWN_KEY_PREFIX = 'unknown:';

/**
 * The key of a code of no known class, e.g. `unknown:Z1`: one class-table row per code, and the key of the
 * group the user gave it in `groupOverrides`. The same code is unknown in both systems, so the key names none.
 * @param code - the code as written in the attribute table
 * @example unknownKey(' z1 ') // 'unknown:Z1'
 */
export function unknownKey(code: unknown): string {
  return `${UNKNOWN_KEY_PREFIX}${normaliseCode(code)}`;
}

/**
 * The group of a class: the user's choice for that class if any, else the table's default rule. For the
 * third survey, construction classes inside villages (town/village attribute CZCSXM 203 / 203A) are rural
 * construction, i.e. other, not urban construction land.
 */
export function groupOf(item: LandUseClass, overrides: Readonly<Record<string, LandUseGroup>> = {}, record?: AttributeRecord): LandUseGroup {
  const chosen = chosenGroup(overrides, classKey(item));
  if (chosen) return chosen;
  if (item.system === 'third-survey-2017' && item.group === 'urban-construction' && record) {
    const village = Object.entries(record).find(([field]) => field.toUpperCase() === 'CZCSXM')?.[1];
    if (typeof village === 'string' && /^203/.test(village.trim())) return 'other';
  }
  return item.group;
}
