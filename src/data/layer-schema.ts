/**
 * Property schema of the plan's own geodata layers (geodata/*.geojson; documented in geodata/README.md and
 * docs/architecture.md). Pure: `validateLayerProperties` returns issues, never throws.
 *
 * Every feature carries the common properties (id, name_zh, name_en, kind, source, accuracy) plus its layer's own.
 * Extra properties are allowed (they are ignored), missing or ill-typed declared ones are not.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';

export const LAYER_NAMES = [
  'boundary',
  'subdistricts',
  'structure',
  'blue-green',
  'construction',
  'crossings',
  'projects',
  'context',
] as const;
export type LayerName = (typeof LAYER_NAMES)[number];

export const ACCURACY = ['traced', 'schematic', 'point-approx'] as const;
export const CLUSTER_KEYS = ['daqiao', 'cuizhai', 'sangzidian', 'sungeng-taiping', 'airport'] as const;
export const CORE_KEYS = ['sci-tech', 'airport-economy'] as const;
export const DISTRICTS_ZH = ['天桥区', '济阳区', '历城区', '章丘区'] as const;
export const BLUE_GREEN_CLASSES = ['water', 'wetland', 'forest', 'park', 'farmland'] as const;
export const BLUE_GREEN_KINDS = ['river', 'reservoir', 'lake', 'floodplain', 'wetland', 'forest-belt', 'dyke', 'hill', 'park', 'farmland'] as const;
export const STATUS = ['open', 'under-construction', 'planned'] as const;

/** One property's rule. `nullable` allows null; `optional` allows the key to be absent. */
export type PropSpec =
  | { type: 'string'; nonEmpty?: boolean; nullable?: boolean; optional?: boolean }
  | { type: 'boolean'; nullable?: boolean; optional?: boolean }
  | { type: 'number'; integer?: boolean; min?: number; max?: number; nullable?: boolean; optional?: boolean }
  | { type: 'enum'; values: readonly (string | number)[]; nullable?: boolean; optional?: boolean };

export interface KindSchema {
  geometry: readonly Geometry['type'][];
  props: Record<string, PropSpec>;
}

export interface LayerSchema {
  kinds: Record<string, KindSchema>;
}

const POLY = ['Polygon', 'MultiPolygon'] as const;
const YEAR: PropSpec = { type: 'number', integer: true, min: 1900, max: 2100, nullable: true };

export const COMMON_PROPS: Record<string, PropSpec> = {
  id: { type: 'string', nonEmpty: true },
  name_zh: { type: 'string', nonEmpty: true },
  name_en: { type: 'string', nonEmpty: true },
  kind: { type: 'string', nonEmpty: true },
  source: { type: 'string', nonEmpty: true },
  accuracy: { type: 'enum', values: ACCURACY },
};

const outsideFlag: PropSpec = { type: 'boolean', optional: true };

/**
 * What a plan-layer position is taken from (English and Chinese) and its estimated error in metres. Optional here so
 * that hand-made or imported collections still validate; the shipped plan layers carry all three (their own tests).
 */
const POSITION_PROPS: Record<string, PropSpec> = {
  position_source: { type: 'string', nonEmpty: true, optional: true },
  position_source_zh: { type: 'string', nonEmpty: true, optional: true },
  position_accuracy_m: { type: 'number', min: 1, optional: true },
};

export const LAYER_SCHEMAS: Record<LayerName, LayerSchema> = {
  boundary: {
    kinds: {
      boundary: {
        geometry: POLY,
        props: {
          official_area_km2: { type: 'number', min: 0 },
          edges_note: { type: 'string', optional: true },
          area_km2: { type: 'number', min: 0, optional: true },
          area_is_independent_check: { type: 'boolean', optional: true },
          ...POSITION_PROPS,
        },
      },
    },
  },
  subdistricts: {
    kinds: {
      subdistrict: {
        geometry: POLY,
        props: {
          whole: { type: 'boolean' },
          district_zh: { type: 'enum', values: DISTRICTS_ZH },
          district_en: { type: 'string', nonEmpty: true },
          area_published_km2: { type: 'number', min: 0, nullable: true, optional: true },
          seat_zh: { type: 'string', nonEmpty: true, optional: true },
          ...POSITION_PROPS,
        },
      },
    },
  },
  structure: {
    kinds: {
      axis: { geometry: ['LineString', 'MultiLineString'], props: { ...POSITION_PROPS, outside: outsideFlag } },
      belt: { geometry: POLY, props: { ...POSITION_PROPS } },
      core: { geometry: POLY, props: { ...POSITION_PROPS, core_key: { type: 'enum', values: CORE_KEYS } } },
      cluster: {
        geometry: POLY,
        props: {
          ...POSITION_PROPS,
          cluster_key: { type: 'enum', values: CLUSTER_KEYS },
          theme_zh: { type: 'string', nonEmpty: true },
          theme_en: { type: 'string', nonEmpty: true },
          nickname_zh: { type: 'string', nonEmpty: true, nullable: true },
          nickname_en: { type: 'string', nonEmpty: true, nullable: true },
        },
      },
    },
  },
  'blue-green': {
    kinds: Object.fromEntries(
      BLUE_GREEN_KINDS.map((k) => [
        k,
        { geometry: POLY, props: { ...POSITION_PROPS, class: { type: 'enum', values: BLUE_GREEN_CLASSES }, outside: outsideFlag } },
      ]),
    ),
  },
  construction: {
    kinds: {
      'urban-development': {
        geometry: POLY,
        props: {
          ...POSITION_PROPS,
          cluster_key: { type: 'enum', values: CLUSTER_KEYS, nullable: true },
          core_key: { type: 'enum', values: CORE_KEYS, nullable: true },
        },
      },
    },
  },
  crossings: {
    kinds: {
      crossing: {
        // A LineString where the alignment is published; otherwise an indicative Point on the river.
        geometry: ['Point', 'LineString', 'MultiLineString'],
        props: {
          ...POSITION_PROPS,
          position_kind: { type: 'enum', values: ['alignment', 'indicative'], optional: true },
          status_date: { type: 'string', nonEmpty: true, optional: true },
          year_open_basis: { type: 'enum', values: ['exact', 'by', 'planned-date'], nullable: true, optional: true },
          structure: { type: 'enum', values: ['bridge', 'tunnel'] },
          mode: { type: 'enum', values: ['road', 'rail', 'metro', 'road-rail'] },
          status: { type: 'enum', values: STATUS },
          year_open: YEAR,
          year_start: YEAR,
          number: { type: 'number', integer: true, min: 1, max: 21 },
        },
      },
    },
  },
  projects: {
    kinds: {
      project: {
        // A LineString for a line project whose route is published (roads, rail); otherwise a Point.
        geometry: ['Point', 'LineString', ...POLY],
        props: {
          ...POSITION_PROPS,
          category: { type: 'enum', values: ['industry', 'public-service', 'infrastructure', 'transport', 'heritage'] },
          status: { type: 'enum', values: STATUS },
          status_date: { type: 'string', nonEmpty: true, optional: true },
          phase: { type: 'enum', values: [2025, 2030, 2035], nullable: true },
          year_open: YEAR,
          desc_zh: { type: 'string', nonEmpty: true },
          desc_en: { type: 'string', nonEmpty: true },
          cluster_key: { type: 'enum', values: CLUSTER_KEYS, nullable: true },
          subdistrict_zh: { type: 'string', nonEmpty: true, nullable: true, optional: true },
          // false: no site is published and the marker only lists the project (position_source says so).
          located: { type: 'boolean', optional: true },
          placed_at: { type: 'string', nonEmpty: true, nullable: true, optional: true },
          outside: outsideFlag,
          partly_outside: outsideFlag,
        },
      },
    },
  },
  context: {
    kinds: {
      city: { geometry: POLY, props: { outside: outsideFlag } },
      'historic-node': { geometry: ['Point'], props: { outside: outsideFlag } },
      river: { geometry: ['LineString', 'MultiLineString'], props: { outside: outsideFlag } },
      place: { geometry: ['Point'], props: { outside: outsideFlag } },
    },
  },
};

export type SchemaReason =
  | 'not-feature-collection'
  | 'unknown-layer'
  | 'missing-property'
  | 'wrong-type'
  | 'bad-value'
  | 'unknown-kind'
  | 'wrong-geometry'
  | 'id-mismatch'
  | 'duplicate-id'
  | 'rule';

export interface SchemaIssue {
  path: string;
  featureIndex?: number;
  reason: SchemaReason;
  message: string;
}

function checkProp(name: string, spec: PropSpec, props: Record<string, unknown>): { reason: SchemaReason; message: string } | null {
  if (!(name in props) || props[name] === undefined) {
    return spec.optional ? null : { reason: 'missing-property', message: `property "${name}" is required` };
  }
  const v = props[name];
  if (v === null) return spec.nullable ? null : { reason: 'wrong-type', message: `property "${name}" must not be null` };
  switch (spec.type) {
    case 'string':
      if (typeof v !== 'string') return { reason: 'wrong-type', message: `property "${name}" must be a string` };
      if (spec.nonEmpty && v.trim() === '') return { reason: 'bad-value', message: `property "${name}" must not be empty` };
      return null;
    case 'boolean':
      return typeof v === 'boolean' ? null : { reason: 'wrong-type', message: `property "${name}" must be true or false` };
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return { reason: 'wrong-type', message: `property "${name}" must be a number` };
      if (spec.integer && !Number.isInteger(v)) return { reason: 'bad-value', message: `property "${name}" must be an integer` };
      if (spec.min !== undefined && v < spec.min) return { reason: 'bad-value', message: `property "${name}" must be ≥ ${spec.min}` };
      if (spec.max !== undefined && v > spec.max) return { reason: 'bad-value', message: `property "${name}" must be ≤ ${spec.max}` };
      return null;
    case 'enum':
      return spec.values.includes(v as string | number)
        ? null
        : { reason: 'bad-value', message: `property "${name}" is ${JSON.stringify(v)}; allowed: ${spec.values.map((x) => JSON.stringify(x)).join(', ')}` };
  }
}

/** Layer-specific rules that a per-property spec cannot express. */
function extraRules(layer: LayerName, props: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (layer === 'structure' && props.kind === 'cluster') {
    const isSubCentre = props.cluster_key === 'daqiao';
    if (isSubCentre && (props.nickname_zh !== null || props.nickname_en !== null)) out.push('the city sub-centre (daqiao) has no nickname: nickname_zh/en must be null');
    if (!isSubCentre && (props.nickname_zh === null || props.nickname_en === null)) out.push('clusters other than the sub-centre need nickname_zh and nickname_en');
  }
  if (layer === 'blue-green') {
    const expected: Record<string, string[]> = {
      river: ['water'], reservoir: ['water'], lake: ['water'], floodplain: ['wetland', 'water'], wetland: ['wetland'],
      'forest-belt': ['forest'], dyke: ['forest'], hill: ['park', 'forest'], park: ['park'], farmland: ['farmland'],
    };
    const ok = expected[String(props.kind)];
    if (ok && !ok.includes(String(props.class))) out.push(`kind "${String(props.kind)}" must have class ${ok.join(' or ')}`);
  }
  return out;
}

/**
 * Validate the properties (and geometry type per kind) of one geodata layer.
 * `layerName` is the file name without `.geojson` (see LAYER_NAMES). Returns [] when valid.
 */
export function validateLayerProperties(layerName: string, fc: unknown): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  if (!(LAYER_NAMES as readonly string[]).includes(layerName)) {
    return [{ path: '', reason: 'unknown-layer', message: `unknown layer "${layerName}"; known: ${LAYER_NAMES.join(', ')}` }];
  }
  const layer = layerName as LayerName;
  const schema = LAYER_SCHEMAS[layer];
  const obj = fc as Partial<FeatureCollection> | null;
  if (!obj || typeof obj !== 'object' || obj.type !== 'FeatureCollection' || !Array.isArray(obj.features)) {
    return [{ path: '', reason: 'not-feature-collection', message: 'expected a FeatureCollection' }];
  }
  const seen = new Map<string, number>();
  obj.features.forEach((f: Feature, i) => {
    const at = (p: string): string => `features[${i}]${p ? `.${p}` : ''}`;
    const add = (path: string, reason: SchemaReason, message: string): void => {
      issues.push({ path, featureIndex: i, reason, message });
    };
    const props = (f && typeof f === 'object' && f.properties && typeof f.properties === 'object' ? f.properties : null) as Record<string, unknown> | null;
    if (!props) {
      add(at('properties'), 'missing-property', 'feature has no properties object');
      return;
    }
    for (const [name, spec] of Object.entries(COMMON_PROPS)) {
      const e = checkProp(name, spec, props);
      if (e) add(at(`properties.${name}`), e.reason, e.message);
    }
    if (typeof props.id === 'string') {
      if (f.id !== props.id) add(at('id'), 'id-mismatch', `feature.id (${JSON.stringify(f.id)}) must equal properties.id (${JSON.stringify(props.id)})`);
      const prev = seen.get(props.id);
      if (prev !== undefined) add(at('properties.id'), 'duplicate-id', `id "${props.id}" already used by features[${prev}]`);
      else seen.set(props.id, i);
    }
    const kind = typeof props.kind === 'string' ? props.kind : '';
    const ks = schema.kinds[kind];
    if (!ks) {
      add(at('properties.kind'), 'unknown-kind', `kind "${kind}" is not allowed in ${layer}; allowed: ${Object.keys(schema.kinds).join(', ')}`);
      return;
    }
    const gtype = f.geometry?.type;
    if (!gtype || !ks.geometry.includes(gtype)) {
      add(at('geometry'), 'wrong-geometry', `kind "${kind}" needs ${ks.geometry.join(' or ')}, found ${gtype ?? 'null'}`);
    }
    for (const [name, spec] of Object.entries(ks.props)) {
      const e = checkProp(name, spec, props);
      if (e) add(at(`properties.${name}`), e.reason, e.message);
    }
    for (const m of extraRules(layer, props)) add(at('properties'), 'rule', m);
  });
  return issues;
}
