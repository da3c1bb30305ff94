/**
 * The roles and names of the three control lines, apart from their geometry (no clipping library), so the
 * interface can name them and tell a layer's role without loading the geometry code.
 */
/*
 * The three control lines of territorial spatial planning (三区三线): 生态保护红线 (ecological protection red line),
 * 永久基本农田 (permanent basic farmland) and 城镇开发边界 (urban development boundary). A layer's role is told from
 * its name as the national databases name these layers, and the conflict figures — urban construction land inside
 * the red line, inside permanent basic farmland, outside the development boundary — are computed for any region.
 */
export type ControlLineRole = 'ecological-red-line' | 'permanent-farmland' | 'development-boundary';
export const CONTROL_LINE_ROLES: readonly ControlLineRole[] = ['ecological-red-line', 'permanent-farmland', 'development-boundary'];

export type ConflictKind = 'ecological-red-line' | 'permanent-farmland' | 'outside-development-boundary';
export const CONFLICT_KINDS: readonly ConflictKind[] = ['ecological-red-line', 'permanent-farmland', 'outside-development-boundary'];

/**
 * Layer names by role. Latin names are the layer (要素类) names of the national databases: 生态保护红线 STBHHX,
 * 永久基本农田保护图斑 YJJBNTBHTB (also YJJBNT, YJJBNTBHQ), 城镇开发边界 CZKFBJ, as the 三区三线 delivery
 * (《市级国土空间总体规划数据库规范（试行）》, 2021, and the 三区三线 划定成果 deliveries) names them; 基本农田保护图斑
 * JBNTBHTB / 基本农田保护区 JBNTBHQ of the earlier land-use master-plan database (TD/T 1026) and 城市开发边界 CSKFBJ are
 * read as the same roles. Names are matched as whole tokens after any prefix of letters and digits (a county code,
 * `GD`, `XZ_TDZY_`…), so `370112STBHHX` and `PCS330300_XZ_TDZY_YJJBNTBHTB_PY` are recognised. Chinese names are
 * matched as written; 村庄开发边界 (village development boundary), which some projects also abbreviate CZKFBJ, is not
 * the urban development boundary and is never recognised as one.
 */
const LATIN_NAMES: Record<ControlLineRole, readonly string[]> = {
  'ecological-red-line': ['STBHHX', 'STHX'],
  'permanent-farmland': ['YJJBNTBHTB', 'YJJBNTBHQ', 'YJJBNTTB', 'YJJBNT', 'JBNTBHTB', 'JBNTBHQ'],
  'development-boundary': ['CZKFBJ', 'CSKFBJ'],
};
const CHINESE_NAMES: Record<ControlLineRole, readonly string[]> = {
  'ecological-red-line': ['生态保护红线', '生态红线'],
  'permanent-farmland': ['永久基本农田', '基本农田'],
  'development-boundary': ['城镇开发边界', '城市开发边界'],
};
const NOT_URBAN_BOUNDARY = /村庄|村庄开发边界/;

export type RoleRecognition =
  | { role: ControlLineRole; by: 'code' | 'chinese-name' }
  | { role: null; reason: 'unknown' | 'ambiguous'; candidates: ControlLineRole[] };

/**
 * The role of a layer from its name (a Shapefile's base name, a GeoPackage table).
 * @param name - the layer name, with or without folders and extension
 * @example recogniseControlLineRole('370112STBHHX').role // 'ecological-red-line'
 */
export function recogniseControlLineRole(name: string): RoleRecognition {
  const base = name.split(/[\\/#]/).pop()!.replace(/\.(shp|gpkg|geojson|json)$/i, '');
  const upper = base.toUpperCase();
  const tokens = upper.split(/[^A-Z0-9]+/).filter(Boolean).map((token) => token.replace(/^[0-9]+|[0-9]+$/g, ''));
  const found = new Map<ControlLineRole, 'code' | 'chinese-name'>();
  for (const role of CONTROL_LINE_ROLES) {
    // a token equal to the name, or ending with it after a short prefix (GDSTBHHX, XZYJJBNTBHTB)
    if (tokens.some((token) => LATIN_NAMES[role].some((code) => token === code || (token.endsWith(code) && token.length - code.length <= 4)))) found.set(role, 'code');
    else if (CHINESE_NAMES[role].some((text) => base.includes(text))) found.set(role, 'chinese-name');
  }
  if (found.get('development-boundary') && NOT_URBAN_BOUNDARY.test(base)) found.delete('development-boundary');
  // 永久基本农田 includes 基本农田 and 生态保护红线 includes 生态红线: one role per layer, or none.
  if (found.size === 1) {
    const [[role, by]] = [...found];
    return { role, by };
  }
  return { role: null, reason: found.size === 0 ? 'unknown' : 'ambiguous', candidates: [...found.keys()] };
}

