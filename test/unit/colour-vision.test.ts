import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  colourDifference, contrastRatio, parseHexColour, simulateDeficiency,
} from '../../src/core/colour/colour-vision.ts';
import type { Deficiency, Rgb } from '../../src/core/colour/colour-vision.ts';

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

  it('passes AA for the shell text colours used by the interface', () => {
    expect(contrastRatio(hex('#1f2933'), hex('#ffffff'))).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(hex('#ffffff'), hex('#14324a'))).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(hex('#4a5561'), hex('#ffffff'))).toBeGreaterThanOrEqual(4.5);
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
