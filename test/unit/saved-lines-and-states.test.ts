import { describe, expect, it } from 'vitest';
import { CONTROL_LINES_SAVED_VERSION, clearControlLines, loadControlLines, saveControlLines, validateSavedControlLines } from '../../src/data/landuse/control-lines-saved.ts';
import {
  SECOND_STATE_SAVED_VERSION, loadSecondState, sameFirstLayer, saveSecondState, validateSavedSecondState,
} from '../../src/data/landuse/second-state-saved.ts';
import { savedFileSizes } from '../../src/data/landuse/saved-records.ts';

const blob = new Blob(['x']);
const lines = {
  version: CONTROL_LINES_SAVED_VERSION,
  files: [{ name: '三区三线.zip', data: blob }],
  roles: { 'XZQ.shp': 'ignore', 'layer-2': 'ecological-red-line' },
};
const second = {
  version: SECOND_STATE_SAVED_VERSION,
  files: [{ name: '规划.zip', data: blob }],
  settings: { encoding: 'gbk', choice: { system: 'third-survey-2017', codeField: 'DLBM' } },
  role: 'plan',
  level: 'first-level',
  first: [{ name: '现状.zip', size: 1234 }],
};

describe('saved control lines', () => {
  it('accepts what the app saves (roles may be empty when every name told its role)', () => {
    expect(validateSavedControlLines(lines)).toBe(lines);
    const told = { ...lines, roles: {} };
    expect(validateSavedControlLines(told)).toBe(told);
  });

  it('refuses anything else with the reason, never half-uses it', () => {
    const cases: [unknown, string][] = [
      [null, 'not an object'],
      [[lines], 'not an object'],
      [{ ...lines, version: 2 }, 'version 2'],
      [{ ...lines, files: [] }, 'no files'],
      [{ ...lines, files: [{ name: 'a.zip', data: 'bytes' }] }, 'a file is not readable'],
      [{ ...lines, files: [{ name: '', data: blob }] }, 'a file is not readable'],
      [{ ...lines, roles: ['ignore'] }, 'roles is not an object'],
      [{ ...lines, roles: { STBHHX: 'red-line' } }, 'role red-line of layer STBHHX'],
    ];
    for (const [value, reason] of cases) expect(validateSavedControlLines(value)).toBe(reason);
  });
});

describe('saved second land-use state', () => {
  it('accepts what the app saves', () => {
    expect(validateSavedSecondState(second)).toBe(second);
    const current = { ...second, role: 'current', level: 'group', settings: {} };
    expect(validateSavedSecondState(current)).toBe(current);
  });

  it('refuses anything else with the reason, never half-uses it', () => {
    const cases: [unknown, string][] = [
      ['second', 'not an object'],
      [{ ...second, version: undefined }, 'version undefined'],
      [{ ...second, files: 'x' }, 'no files'],
      [{ ...second, files: [{ data: blob }] }, 'a file is not readable'],
      [{ ...second, settings: null }, 'settings is not an object'],
      [{ ...second, settings: { encoding: 'ebcdic' } }, 'encoding ebcdic'],
      [{ ...second, settings: { groupOverrides: { 'third-survey-2017:1004': 'green' } } }, 'group green'],
      [{ ...second, role: 'future' }, 'role future'],
      [{ ...second, level: 'second-level' }, 'level second-level'],
      [{ ...second, first: [] }, 'first layer files'],
      [{ ...second, first: [{ name: '现状.zip', size: '1234' }] }, 'first layer files'],
    ];
    for (const [value, reason] of cases) expect(validateSavedSecondState(value)).toBe(reason);
  });

  it('pairs only with the first layer of the same file names and sizes, in order', () => {
    const files = [new File(['abc'], 'a.shp'), new File(['de'], 'a.dbf')];
    const saved = savedFileSizes(files.map((file) => ({ name: file.name, data: file })));
    expect(saved).toEqual([{ name: 'a.shp', size: 3 }, { name: 'a.dbf', size: 2 }]);
    expect(sameFirstLayer(saved, files)).toBe(true);
    expect(sameFirstLayer(saved, [files[1], files[0]])).toBe(false);
    expect(sameFirstLayer(saved, [files[0], new File(['dex'], 'a.dbf')])).toBe(false);
    expect(sameFirstLayer(saved, files.slice(0, 1))).toBe(false);
  });
});

describe('without IndexedDB (node) the stores answer with the reason instead of throwing', () => {
  it('control lines and the second state', async () => {
    for (const result of [await loadControlLines(), await saveControlLines({ files: lines.files, roles: {} }), await clearControlLines(), await loadSecondState(),
      await saveSecondState({ files: second.files, settings: {}, role: 'plan', level: 'group', first: second.first })]) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.detail).toMatch(/indexedDB/i);
    }
    // a load that fails for want of storage says so, apart from a record that is not ours
    expect(await loadControlLines()).toMatchObject({ ok: false, storage: true });
    expect(await loadSecondState()).toMatchObject({ ok: false, storage: true });
  });
});
