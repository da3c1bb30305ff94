/**
 * Colour-vision-deficiency simulation and contrast measures, pure.
 *
 * Dichromat simulation uses the Machado, Oliveira & Fernandes (2009) matrices at severity 1.0,
 * applied in linear sRGB (the form Viénot, Brettel & Mollon 1999 also work in).
 */
export type Rgb = readonly [number, number, number];
export type Deficiency = 'protanopia' | 'deuteranopia' | 'tritanopia';

const MACHADO: Record<Deficiency, readonly (readonly number[])[]> = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
};

/** Parses `#rgb` or `#rrggbb` to 0..255 channels. @returns undefined for anything else */
export function parseHexColour(hex: string): Rgb | undefined {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) return undefined;
  const digits = match[1].length === 3 ? [...match[1]].map((digit) => digit + digit).join('') : match[1];
  return [0, 2, 4].map((index) => parseInt(digits.slice(index, index + 2), 16)) as unknown as Rgb;
}

function toLinear(channel: number): number {
  const value = channel / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

function fromLinear(value: number): number {
  const clamped = Math.min(1, Math.max(0, value));
  const encoded = clamped <= 0.0031308 ? clamped * 12.92 : 1.055 * clamped ** (1 / 2.4) - 0.055;
  return Math.round(encoded * 255);
}

/**
 * How a colour looks to a dichromat.
 * @param colour - sRGB, 0..255 per channel
 * @param deficiency - protanopia, deuteranopia or tritanopia
 * @returns the simulated sRGB colour, 0..255 per channel
 * @example simulateDeficiency([255, 0, 0], 'protanopia') // a dark olive
 */
export function simulateDeficiency(colour: Rgb, deficiency: Deficiency): Rgb {
  const linear = colour.map(toLinear);
  const matrix = MACHADO[deficiency];
  return matrix.map((row) => fromLinear(row[0] * linear[0] + row[1] * linear[1] + row[2] * linear[2])) as unknown as Rgb;
}

/** WCAG 2.x relative luminance, 0..1. */
export function relativeLuminance(colour: Rgb): number {
  const [red, green, blue] = colour.map(toLinear);
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

/** WCAG contrast ratio, 1..21 (AA needs 4.5 for body text, 3 for large text and UI parts). */
export function contrastRatio(first: Rgb, second: Rgb): number {
  const [light, dark] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

function toLab(colour: Rgb): [number, number, number] {
  const [red, green, blue] = colour.map(toLinear);
  const x = (0.4124 * red + 0.3576 * green + 0.1805 * blue) / 0.95047;
  const y = 0.2126 * red + 0.7152 * green + 0.0722 * blue;
  const z = (0.0193 * red + 0.1192 * green + 0.9505 * blue) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 colour difference ΔE*ab (about 2.3 is just noticeable; above 10 is clearly different). */
export function colourDifference(first: Rgb, second: Rgb): number {
  const a = toLab(first);
  const b = toLab(second);
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}
