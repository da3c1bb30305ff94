import constructionLand from './tables/construction-land.json';
import {
  CLASSIFICATION_SYSTEMS, CLASSIFICATION_TABLES, LAND_USE_GROUPS, lookupClass,
  type ClassificationSystem, type LandUseClass, type LandUseGroup,
} from './classes.js';

/**
 * The land-use structure table (用地结构表) of a region: area and share per class, subtotals by first-level class
 * and by indicator group, and the development intensity (国土开发强度, all construction land over the region's area)
 * with its definition and source (tables/construction-land.json).
 */

/** One class's area inside a region, as the land-use indicators give it (field-ridge deduction already split off). */
export interface StructureClassInput {
  /** `system:code`, `unknown:<code>` (a code of no known class), or `unclassified` */
  readonly key: string;
  /** the group the class counts in (the planner's choice or the table's rule); null = not recognised */
  readonly group: LandUseGroup | null;
  readonly areaSquareMeters: number;
  readonly parcelCount?: number;
}

export interface StructureInput {
  /** area of the region (inside the boundary), m² */
  readonly regionAreaSquareMeters: number;
  /** area of the region no parcel covers, m² */
  readonly notCoveredSquareMeters: number;
  readonly classes: readonly StructureClassInput[];
  /** parcels overlap: covered area exceeds the region's (then nothing is decided) */
  readonly overlapSuspected?: boolean;
}

export interface StructureRow {
  readonly key: string;
  readonly system: ClassificationSystem | null;
  /** the class code (or the unknown code as written); null for parcels without a code */
  readonly code: string | null;
  readonly nameZh: string | null;
  readonly nameEn: string | null;
  /** the first-level class it belongs to (`system:code`), null when not recognised */
  readonly firstLevelKey: string | null;
  readonly group: LandUseGroup | null;
  /** construction land (建设用地) in the Land Administration Law's sense; null when the class is not recognised */
  readonly constructionLand: boolean | null;
  readonly areaSquareMeters: number;
  /** area ÷ region area (0..1), null for an empty region */
  readonly share: number | null;
  readonly parcelCount: number;
}

export interface StructureSubtotal {
  /** `system:code` of the first-level class */
  readonly key: string;
  readonly system: ClassificationSystem;
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly areaSquareMeters: number;
  readonly share: number | null;
}

export interface GroupSubtotal {
  readonly group: LandUseGroup | 'unclassified' | 'not-covered';
  readonly areaSquareMeters: number;
  readonly share: number | null;
}

/** 国土开发强度: construction land over the region's area, as a range where part of the region is unknown. */
export interface DevelopmentIntensity {
  readonly constructionSquareMeters: number;
  /** area whose class is unknown (no parcel, or a code of no known class): it may or may not be construction land */
  readonly unknownSquareMeters: number;
  /** construction land ÷ region area: the value when decided, else its lower bound; null for an empty region */
  readonly value: number | null;
  /** (construction land + unknown area) ÷ region area: the upper bound; equals `value` when decided */
  readonly upperBound: number | null;
  /** the whole region is classified (and parcels do not overlap): the value is the region's */
  readonly decided: boolean;
}

export interface LandUseStructure {
  readonly regionAreaSquareMeters: number;
  readonly coveredSquareMeters: number;
  readonly notCoveredSquareMeters: number;
  readonly overlapSuspected: boolean;
  /** classes in table order (system, then the classification's own order), unrecognised codes last */
  readonly rows: readonly StructureRow[];
  readonly firstLevel: readonly StructureSubtotal[];
  /** blue-green, urban construction, other, unclassified, not covered */
  readonly groups: readonly GroupSubtotal[];
  readonly developmentIntensity: DevelopmentIntensity;
  /** the plan's indicator: urban construction land ÷ region area (a different figure from the development intensity) */
  readonly urbanConstructionShare: number | null;
}

/** What counts as construction land for the development intensity, and where that comes from. */
export const DEVELOPMENT_INTENSITY_DEFINITION: {
  readonly definition: string; readonly definitionZh: string; readonly source: string; readonly sourceZh: string;
} = {
  definition: constructionLand.definition,
  definitionZh: constructionLand.definitionZh,
  source: constructionLand.source,
  sourceZh: constructionLand.sourceZh,
};

const constructionCodes = new Map<ClassificationSystem, { yes: Set<string>; no: Set<string> }>(
  CLASSIFICATION_SYSTEMS.map((system) => {
    const rule = (constructionLand.systems as Record<string, { construction: string[]; notConstruction: string[] }>)[system];
    return [system, { yes: new Set(rule?.construction ?? []), no: new Set(rule?.notConstruction ?? []) }];
  }),
);

/**
 * Whether a class is construction land (建设用地): its code or its nearest listed ancestor is in the table's
 * construction list, unless a nearer code is listed as not construction.
 * @example isConstructionLand(lookupClass('land-sea-use-2023', '0703')!) // true: rural homesteads are construction land
 */
export function isConstructionLand(item: LandUseClass): boolean {
  const rule = constructionCodes.get(item.system)!;
  for (let length = item.code.length; length >= 2; length--) {
    const prefix = item.code.slice(0, length);
    if (rule.no.has(prefix)) return false;
    if (rule.yes.has(prefix)) return true;
  }
  return false;
}

/** Each class's first-level class and its place in the table: the last two-digit code before it in table order. */
const classOrder = new Map<string, { order: number; firstLevel: LandUseClass }>();
for (const system of CLASSIFICATION_SYSTEMS) {
  let firstLevel: LandUseClass | undefined;
  CLASSIFICATION_TABLES[system].classes.forEach((item, index) => {
    if (item.code.length === 2) firstLevel = item;
    if (firstLevel) classOrder.set(`${system}:${item.code}`, { order: index + (system === CLASSIFICATION_SYSTEMS[0] ? 0 : 10_000), firstLevel });
  });
}

/** The first-level class a class belongs to in its classification (`0303` 红树林地 is under `00` 湿地 in the third survey). */
export function firstLevelOf(item: LandUseClass): LandUseClass | undefined {
  return classOrder.get(`${item.system}:${item.code}`)?.firstLevel;
}

function classOfKey(key: string): LandUseClass | undefined {
  const colon = key.indexOf(':');
  if (colon < 0) return undefined;
  const system = key.slice(0, colon) as ClassificationSystem;
  if (!CLASSIFICATION_SYSTEMS.includes(system)) return undefined;
  const found = lookupClass(system, key.slice(colon + 1));
  return found && found.code === key.slice(colon + 1) ? found : undefined;
}

/**
 * The structure table of one region from its area per class.
 * @param input - the region's area, its uncovered area and the area per class (e.g. from landUseIndicators)
 * @returns rows per class, subtotals by first-level class and by group, and the development intensity
 * @example landUseStructure({ ...indicators, regionAreaSquareMeters: indicators.regionAreaSquareMeters, classes: indicators.classes }).developmentIntensity.value
 */
export function landUseStructure(input: StructureInput): LandUseStructure {
  const regionArea = input.regionAreaSquareMeters;
  const share = (value: number) => (regionArea > 0 ? value / regionArea : null);
  const merged = new Map<string, { group: LandUseGroup | null; area: number; parcels: number }>();
  for (const item of input.classes) {
    const entry = merged.get(item.key) ?? { group: item.group, area: 0, parcels: 0 };
    entry.area += item.areaSquareMeters;
    entry.parcels += item.parcelCount ?? 0;
    merged.set(item.key, entry);
  }
  const rows: (StructureRow & { order: number })[] = [];
  const firstLevel = new Map<string, { item: LandUseClass; area: number; order: number }>();
  const groups = new Map<GroupSubtotal['group'], number>([...LAND_USE_GROUPS, 'unclassified' as const].map((group) => [group, 0]));
  let construction = 0;
  let unknown = 0;
  let covered = 0;
  for (const [key, entry] of merged) {
    const item = classOfKey(key);
    const place = item ? classOrder.get(key) : undefined;
    const isConstruction = item ? isConstructionLand(item) : null;
    covered += entry.area;
    if (isConstruction) construction += entry.area;
    if (!item) unknown += entry.area;
    groups.set(entry.group ?? 'unclassified', (groups.get(entry.group ?? 'unclassified') ?? 0) + entry.area);
    if (item && place) {
      const level = firstLevel.get(`${item.system}:${place.firstLevel.code}`) ?? { item: place.firstLevel, area: 0, order: place.order };
      level.area += entry.area;
      level.order = Math.min(level.order, place.order);
      firstLevel.set(`${item.system}:${place.firstLevel.code}`, level);
    }
    const unknownCode = key.startsWith('unknown:') ? key.slice('unknown:'.length) : null;
    rows.push({
      key,
      system: item?.system ?? null,
      code: item?.code ?? unknownCode,
      nameZh: item?.name ?? null,
      nameEn: item?.nameEn ?? null,
      firstLevelKey: item && place ? `${item.system}:${place.firstLevel.code}` : null,
      group: entry.group,
      constructionLand: isConstruction,
      areaSquareMeters: entry.area,
      share: share(entry.area),
      parcelCount: entry.parcels,
      order: place?.order ?? Number.MAX_SAFE_INTEGER,
    });
  }
  rows.sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
  const notCovered = Math.max(0, input.notCoveredSquareMeters);
  const overlap = input.overlapSuspected ?? covered > regionArea * (1 + 1e-6);
  const unknownTotal = unknown + notCovered;
  const decided = !overlap && unknownTotal <= 1e-9 * Math.max(1, regionArea);
  const value = share(construction);
  return {
    regionAreaSquareMeters: regionArea,
    coveredSquareMeters: covered,
    notCoveredSquareMeters: notCovered,
    overlapSuspected: overlap,
    rows: rows.map(({ order: _order, ...row }) => row),
    firstLevel: [...firstLevel.entries()]
      .sort((a, b) => a[1].order - b[1].order)
      .map(([key, level]) => ({
        key, system: level.item.system, code: level.item.code, nameZh: level.item.name, nameEn: level.item.nameEn,
        areaSquareMeters: level.area, share: share(level.area),
      })),
    groups: [
      ...[...groups.entries()].map(([group, area]) => ({ group, areaSquareMeters: area, share: share(area) })),
      { group: 'not-covered' as const, areaSquareMeters: notCovered, share: share(notCovered) },
    ],
    developmentIntensity: {
      constructionSquareMeters: construction,
      unknownSquareMeters: unknownTotal,
      value,
      upperBound: decided ? value : share(Math.min(regionArea, construction + unknownTotal)),
      decided,
    },
    urbanConstructionShare: share(groups.get('urban-construction') ?? 0),
  };
}
