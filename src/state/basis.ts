/**
 * Which data every indicator is computed from: the plan's schematic layers (geodata/), or the planner's own
 * land-use layer once they press "Use for indicators". The land-use layer's name is kept so every figure
 * and export can name its basis; `revision` changes whenever the layer or its class grouping does, so every
 * figure is recomputed.
 */
export type Basis = { kind: 'schematic' } | { kind: 'landuse'; name: string; revision: number };

export type BasisKind = Basis['kind'];

export const SCHEMATIC_BASIS: Basis = { kind: 'schematic' };

export function isBasisKind(value: unknown): value is BasisKind {
  return value === 'schematic' || value === 'landuse';
}

/** The basis in words for figures and exports: the layer's name, or the plan's schematic layers. */
export function basisLabel(basis: Basis, schematic: string): string {
  return basis.kind === 'landuse' ? basis.name : schematic;
}
