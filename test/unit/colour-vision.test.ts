import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  colourDifference, contrastRatio, parseHexColour, simulateDeficiency,
} from '../helpers/colour-vision.ts';
import type { Deficiency, Rgb } from '../helpers/colour-vision.ts';

const style = JSON.parse(readFileSync(new URL('../../styles/plan-style.json', import.meta.url), 'utf8')) as {
  layers: { id: string; source?: string; paint?: Record<string, unknown> }[];
};

function hex(text: string): Rgb {
  const colour = parseHexColour(text);
  if (!colour) throw new Error(`not a hex colour: ${text}`);
  return colour;
}

describe('simulateDeficiency (Machado 2009, severity 1)', () => {
  it('keeps greys grey (each matrix row sums to 1)', () => {
    for (const deficiency of ['protanopia', 'deuteranopia', 'tritanopia'] as Deficiency[]) {
      expect(simulateDeficiency([128, 128, 128], deficiency)).toEqual([128, 128, 128]);
      expect(simulateDeficiency([255, 255, 255], deficiency)).toEqual([255, 255, 255]);
    }
  });

  it('maps pure red to the dark olive a protanope sees', () => {
    expect(simulateDeficiency([255, 0, 0], 'protanopia')).toEqual([109, 95, 0]);
  });

  it('collapses a red/green confusion pair under deuteranopia', () => {
    const [red, green] = [hex('#ff0000'), hex('#00c000')];
    expect(colourDifference(red, green)).toBeGreaterThan(100);
    expect(colourDifference(simulateDeficiency(red, 'deuteranopia'), simulateDeficiency(green, 'deuteranopia'))).toBeLessThan(15);
  });

  it('does not mutate its input', () => {
    const input: [number, number, number] = [10, 200, 30];
    simulateDeficiency(input, 'protanopia');
    expect(input).toEqual([10, 200, 30]);
  });
});

describe('contrastRatio (WCAG)', () => {
  it('is 21 for black on white and 1 for a colour on itself', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrastRatio(hex('#1f78b4'), hex('#1f78b4'))).toBe(1);
  });

});

/**
 * Every CSS rule of the interface (component styles in src/ui and src/app, and index.html) that sets a text
 * colour: read from the sources, not copied here. A rule that also sets its background is checked against it;
 * otherwise dark text is checked against every light background the interface uses and light text against
 * every dark one (it inherits one of them).
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}
const root = fileURLToPath(new URL('../..', import.meta.url));
const cssRules = [...sourceFiles(join(root, 'src/ui')), ...sourceFiles(join(root, 'src/app')), join(root, 'index.html')].flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/([^{}`;]+)\{([^{}]*)\}/g)].map((match) => ({
    where: `${relative(root, file)} ${match[1]!.trim()}`,
    colour: match[2]!.match(/(?<![-\w])color:\s*(#[0-9a-fA-F]{3,8})\b/)?.[1],
    background: match[2]!.match(/background(?:-color)?:\s*(#[0-9a-fA-F]{3,8})\b/)?.[1],
  })));

describe('the interface’s text colours (WCAG AA, read from the CSS)', () => {
  const backgrounds = [...new Set(cssRules.flatMap((rule) => (rule.background ? [rule.background.toLowerCase()] : [])))];
  const isLight = (colour: string) => contrastRatio(hex(colour), [0, 0, 0]) > 10;
  const light = backgrounds.filter(isLight);
  const dark = backgrounds.filter((colour) => contrastRatio(hex(colour), [0, 0, 0]) < 5);

  it('finds the interface’s colours in its sources', () => {
    expect(cssRules.filter((rule) => rule.colour).length).toBeGreaterThan(30);
    expect(light).toContain('#fff');
    expect(dark.length).toBeGreaterThan(0);
  });

  it('gives every text colour a contrast of at least 4.5:1 with the backgrounds it sits on', () => {
    const failures: string[] = [];
    for (const rule of cssRules) {
      if (!rule.colour) continue;
      const against = rule.background ? [rule.background] : isLight(rule.colour) ? dark : light;
      for (const background of against) {
        const ratio = contrastRatio(hex(rule.colour), hex(background));
        if (ratio < 4.5) failures.push(`${rule.where}: ${rule.colour} on ${background} = ${ratio.toFixed(2)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('the style’s blue-green colours under colour-blind vision', () => {
  const colours = new Map<string, Rgb>();
  for (const layer of style.layers) {
    const colour = layer.source === 'blue-green' ? layer.paint?.['fill-color'] : undefined;
    if (typeof colour === 'string') colours.set(layer.id, hex(colour));
  }

  it('reads one literal colour per blue-green class layer', () => {
    expect([...colours.keys()].sort()).toEqual(
      ['blue-green-farmland', 'blue-green-forest', 'blue-green-park', 'blue-green-water', 'blue-green-wetland']);
  });

  for (const deficiency of ['protanopia', 'deuteranopia'] as Deficiency[]) {
    it(`keeps every pair of classes clearly apart under ${deficiency} (ΔE*ab > 15)`, () => {
      const entries = [...colours.entries()];
      for (let i = 0; i < entries.length; i++) {
        for (let j = i + 1; j < entries.length; j++) {
          const difference = colourDifference(
            simulateDeficiency(entries[i][1], deficiency), simulateDeficiency(entries[j][1], deficiency));
          expect(difference, `${entries[i][0]} vs ${entries[j][0]}`).toBeGreaterThan(15);
        }
      }
    });
  }
});
