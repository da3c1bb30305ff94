/**
 * The interface's modes, built around the questions each user brings: Explore (the public: clusters, search,
 * layers, legend, feature details), Analyse (planners: statistics, study area, what-if, measure, imports) and
 * Present (slides, timeline, exports, with the layers and legend). Each mode shows its own side-panel sections.
 */
export const MODES = ['explore', 'analyse', 'present'] as const;
export type Mode = (typeof MODES)[number];

/**
 * Side-panel section ids per mode, in the order the mode shows them (the question first: in Analyse the figures).
 * A section this table does not know shows in Analyse (a planner's tool), after these.
 */
export const MODE_SECTIONS: Readonly<Record<Mode, readonly string[]>> = {
  explore: ['inspector', 'clusters', 'layers', 'legend'],
  analyse: ['stats', 'landuse', 'inspector', 'study', 'compare', 'measure', 'import', 'layers'],
  present: ['inspector', 'layers', 'legend'],
};

const KNOWN = new Set(Object.values(MODE_SECTIONS).flat());

/** Whether a side-panel section shows in a mode. */
export function sectionInMode(sectionId: string, mode: Mode): boolean {
  return KNOWN.has(sectionId) ? MODE_SECTIONS[mode].includes(sectionId) : mode === 'analyse';
}

export function isMode(value: unknown): value is Mode {
  return typeof value === 'string' && (MODES as readonly string[]).includes(value);
}
