import { describe, expect, it } from 'vitest';
import { LAND_USE_SAVED_VERSION, loadLandUse, validateSavedLandUse } from '../../src/data/landuse/landuse-saved.ts';

const blob = new Blob(['x']);
const good = {
  version: LAND_USE_SAVED_VERSION,
  files: [{ name: '用地.zip', data: blob }],
  settings: { encoding: 'gbk', crsId: 'EPSG:4527', choice: { system: 'third-survey-2017', codeField: 'DLBM', nameField: 'DLMC' }, groupOverrides: { 'third-survey-2017:1004': 'other' } },
  inUse: true,
};

describe('saved land-use layer', () => {
  it('accepts what the app saves', () => {
    expect(validateSavedLandUse(good)).toBe(good);
  });

  it('refuses anything else with a reason, never half-uses it', () => {
    const cases: unknown[] = [
      null, [], { ...good, version: 99 }, { ...good, files: [] }, { ...good, files: [{ name: 'a.zip', data: 'text' }] },
      { ...good, inUse: 'yes' }, { ...good, settings: { encoding: 'klingon' } }, { ...good, settings: { choice: { system: 'nope', codeField: 'DLBM' } } },
      { ...good, settings: { groupOverrides: { a: 'green' } } },
    ];
    for (const value of cases) expect(typeof validateSavedLandUse(value)).toBe('string');
  });

  it('without IndexedDB (node) loading says so instead of throwing', async () => {
    const loaded = await loadLandUse();
    expect(loaded).toMatchObject({ ok: false, storage: true });
    expect(loaded.ok ? '' : loaded.detail).toMatch(/indexedDB/i);
  });
});
