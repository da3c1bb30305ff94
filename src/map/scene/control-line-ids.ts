/** The control lines' names on the map (a tiny module: the legend needs them, not their style). */

export const CONTROL_LINES_SOURCE = 'control-lines';
/** style layer metadata: the control line a layer draws */
export const ROLE_METADATA = 'plan:control-line-role';
