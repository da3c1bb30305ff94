import { describe, expect, it } from 'vitest';
import {
  acceptLayer, askLayer, clearWaiting, holdLayer, initialLandUseState, onLandUse, readingDone, readingFailed, readingProgress,
  readingStopped, sameDrawing, selectLandUseBusy, selectLandUseDrawing, setCoverage, setLandUseInUse, setLandUseOpacity,
  setLandUseVisible, startReading,
} from '../../src/state/landuse-state.ts';
import type { LandUseLayerSummary } from '../../src/data/landuse/landuse-protocol.ts';
import type { LayerQuestion } from '../../src/data/landuse/read-landuse-files.ts';
import { initialState } from '../../src/state/plan-state.ts';

const summary = (name: string) => ({
  name, featureCount: 2, recordCount: 2, fields: ['DLBM'], sampleNames: [], crs: { crs: null, source: 'none' },
  choice: null, choiceSource: null, candidates: [], declaredAreas: null, deductedParcels: 0,
  classes: [{ key: 'unclassified', landUseClass: null, group: null, parcelCount: 2 }],
  placement: { extent: null, overlapsArea: true, distanceKm: null, direction: null },
}) as unknown as LandUseLayerSummary;
const question = { reason: 'several-classified', layers: [] } as unknown as LayerQuestion;

describe('land-use slice', () => {
  it('a reading goes from started through progress to done, with its messages', () => {
    let slice = startReading(initialLandUseState());
    expect(selectLandUseBusy({ landuse: slice })).toBe(true);
    slice = readingProgress(slice, 0.5, { read: 10, total: 20 });
    expect(slice.reading).toEqual({ progress: 0.5, parcels: { read: 10, total: 20 } });
    // a later progress without a parcel count keeps the last count
    expect(readingProgress(slice, 0.9).reading).toEqual({ progress: 0.9, parcels: { read: 10, total: 20 } });
    slice = readingDone(slice, [{ severity: 'warning', text: 'codes unknown' }]);
    expect(slice.reading).toBeNull();
    expect(slice.messages).toEqual([{ severity: 'warning', text: 'codes unknown' }]);
    // progress after the end changes nothing
    expect(readingProgress(slice, 0.3)).toBe(slice);
    expect(readingStopped(slice)).toBe(slice);
  });

  it('a failed reading keeps the accepted layer and records the error', () => {
    const data = new Blob(['{}']);
    const accepted = acceptLayer(initialLandUseState(), summary('A'), data, null);
    const failed = readingFailed(startReading(accepted), 'not a Shapefile');
    expect(failed.summary?.name).toBe('A');
    expect(failed.drawn?.data).toBe(data);
    expect(failed.error).toBe('not a Shapefile');
    expect(failed.reading).toBeNull();
  });

  it('a question or a held layer waits until cleared; a new reading or acceptance clears it too', () => {
    const asked = askLayer(initialLandUseState(), question);
    expect(asked.question).toBe(question);
    const held = holdLayer(asked, summary('B'), 'crs');
    expect(held.pending).toEqual({ summary: held.pending?.summary, reason: 'crs' });
    expect(clearWaiting(held)).toMatchObject({ question: null, pending: null });
    expect(clearWaiting(initialLandUseState())).toStrictEqual(initialLandUseState());
    expect(startReading(held)).toMatchObject({ question: null, pending: null });
    expect(acceptLayer(held, summary('B'), new Blob([]), null)).toMatchObject({ question: null, pending: null });
  });

  it('accepting draws the parcels by reference with their classes; coverage belongs to its layer only', () => {
    const data = new Blob(['{"type":"FeatureCollection","features":[]}']);
    const overview = new Blob(['{}']);
    const first = summary('A');
    let slice = acceptLayer(initialLandUseState(), first, data, overview);
    expect(slice.drawn).toEqual({ data, overview, classes: first.classes, name: 'A' });
    expect(slice.drawn?.data).toBe(data);
    const coverage = { classes: [], unclassifiedKm2: 0 } as never;
    slice = setCoverage(slice, first, coverage);
    expect(slice.coverage).toBe(coverage);
    // a coverage computed for a replaced layer is not applied
    const second = acceptLayer(slice, summary('B'), data, null);
    expect(second.coverage).toBeNull();
    expect(setCoverage(second, first, coverage)).toBe(second);
  });

  it('opacity is clamped to 0..1, visibility and use are set; unchanged values keep the slice', () => {
    const slice = initialLandUseState();
    expect(setLandUseOpacity(slice, 1.5).opacity).toBe(1);
    expect(setLandUseOpacity(slice, -1).opacity).toBe(0);
    expect(setLandUseOpacity(slice, Number.NaN).opacity).toBe(1);
    expect(setLandUseOpacity(slice, 1)).toBe(slice);
    expect(setLandUseVisible(slice, false).visible).toBe(false);
    expect(setLandUseVisible(slice, true)).toBe(slice);
    expect(setLandUseInUse(slice, true).inUse).toBe(true);
    expect(setLandUseInUse(slice, false)).toBe(slice);
  });

  it('onLandUse applies a slice action to the whole state, keeping the state when nothing changed', () => {
    const state = initialState('en');
    expect(state.landuse).toStrictEqual(initialLandUseState());
    expect(onLandUse(state, (slice) => setLandUseVisible(slice, true))).toBe(state);
    const next = onLandUse(state, (slice) => setLandUseOpacity(slice, 0.4));
    expect(next.landuse.opacity).toBe(0.4);
    expect(next.layerOpacity).toBe(state.layerOpacity);
  });

  it('the drawing selector gives parcels, opacity and visibility, and equals itself while they are unchanged', () => {
    const state = initialState('en');
    expect(selectLandUseDrawing(state)).toBeNull();
    const drawnState = onLandUse(state, (slice) => acceptLayer(slice, summary('A'), new Blob([]), null));
    const drawing = selectLandUseDrawing(drawnState);
    expect(drawing).toMatchObject({ opacity: 1, visible: true, drawn: { name: 'A' } });
    const progressed = onLandUse(drawnState, startReading);
    expect(sameDrawing(drawing, selectLandUseDrawing(progressed))).toBe(true);
    const faded = onLandUse(drawnState, (slice) => setLandUseOpacity(slice, 0.5));
    expect(sameDrawing(drawing, selectLandUseDrawing(faded))).toBe(false);
    expect(sameDrawing(null, null)).toBe(true);
    expect(sameDrawing(drawing, null)).toBe(false);
  });
});
