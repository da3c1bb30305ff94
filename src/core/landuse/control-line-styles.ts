import type { ControlLineRole } from './control-line-names.js';

/**
 * How each control line is drawn, in the colours 三区三线 maps customarily use: the ecological protection red line a
 * solid red line, permanent basic farmland a solid yellow-brown line, the urban development boundary a dashed
 * purple line. This is the customary convention, not a published symbol table: the national drafting rules for
 * territorial spatial plans (《市级国土空间总体规划制图规范（试行）》, 2021) were not at hand to check, so no
 * standard is claimed for these colours (README, "Control lines").
 */
export interface ControlLineStyle {
  colour: string;
  /** line width in CSS pixels */
  width: number;
  /** dashed (MapLibre `line-dasharray`, in line widths) or solid */
  dashed: readonly [number, number] | null;
}

export const CONTROL_LINE_STYLES: Readonly<Record<ControlLineRole, ControlLineStyle>> = {
  'ecological-red-line': { colour: '#e00000', width: 2.5, dashed: null },
  'permanent-farmland': { colour: '#c79a00', width: 2, dashed: null },
  'development-boundary': { colour: '#a020a0', width: 2, dashed: [3, 2] },
};
