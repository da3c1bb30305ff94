import { describe, expect, it } from 'vitest';
import {
  acceptLines, answerLineRole, askDeliveryKind, askLineRoles, clearLines, clearLinesQuestion, initialControlLinesState, linesReadingDone,
  linesReadingFailed, onControlLines, questionAnswered, selectControlLineDrawing, selectLineRoles, setLinesVisible, startLinesReading,
  type ControlLineSummary,
} from '../../src/state/control-lines-state.ts';
import { initialState } from '../../src/state/plan-state.ts';

const red: ControlLineSummary = { name: 'STBHHX', role: 'ecological-red-line', by: 'code', parcelCount: 1, areaSquareMeters: 90_000 };
const farmland: ControlLineSummary = { name: 'YJJBNTBHTB', role: 'permanent-farmland', by: 'code', parcelCount: 2, areaSquareMeters: 220_000 };

describe('control-lines slice', () => {
  it('a reading starts, fails and keeps the lines in force', () => {
    const drawn = new Blob(['{}']);
    let slice = acceptLines(initialControlLinesState(), [red], drawn);
    slice = startLinesReading(slice);
    expect(slice.reading).toBe(true);
    slice = linesReadingFailed(slice, 'not a delivery');
    expect(slice.reading).toBe(false);
    expect(slice.error).toBe('not a delivery');
    expect(slice.lines).toEqual([red]);
    expect(slice.drawn).toBe(drawn);
  });

  it('accepted lines replace the ones before, clear the error and are drawn by reference', () => {
    const first = new Blob(['a']);
    const second = new Blob(['b']);
    let slice = linesReadingFailed(acceptLines(initialControlLinesState(), [red], first), 'x');
    slice = acceptLines(startLinesReading(slice), [red, farmland], second);
    expect(slice.error).toBeNull();
    expect(slice.reading).toBe(false);
    expect(selectControlLineDrawing({ controlLines: slice })).toEqual({ data: second, visible: true });
    expect(selectLineRoles({ controlLines: slice })).toEqual(['ecological-red-line', 'permanent-farmland']);
    expect(selectControlLineDrawing({ controlLines: setLinesVisible(slice, false) })?.visible).toBe(false);
    expect(setLinesVisible(slice, true)).toBe(slice);
  });

  it('a question asks each unknown layer; answers are kept per layer until every one is given', () => {
    let slice = askLineRoles(initialControlLinesState(), [{ id: 'a/XZQ', name: 'XZQ', reason: 'unknown' }, { id: 'a/B', name: 'B', reason: 'ambiguous' }]);
    expect(questionAnswered(slice)).toBe(false);
    slice = answerLineRole(slice, 'a/XZQ', 'ignore');
    expect(answerLineRole(slice, 'nope', 'ignore')).toBe(slice);
    expect(questionAnswered(slice)).toBe(false);
    slice = answerLineRole(slice, 'a/B', 'permanent-farmland');
    expect(questionAnswered(slice)).toBe(true);
    // the same layers asked again keep their answers
    const again = askLineRoles(slice, [{ id: 'a/XZQ', name: 'XZQ', reason: 'unknown' }]);
    expect(again.question?.layers).toEqual([{ id: 'a/XZQ', name: 'XZQ', reason: 'unknown', choice: 'ignore' }]);
    expect(clearLinesQuestion(slice).question).toBeNull();
    const untouched = initialControlLinesState();
    expect(clearLinesQuestion(untouched)).toBe(untouched);
  });

  it('a mixed delivery asks which it is; a new reading drops that question', () => {
    const slice = askDeliveryKind(initialControlLinesState(), 'delivery.zip');
    expect(slice.mixed).toEqual({ name: 'delivery.zip' });
    expect(startLinesReading(slice).mixed).toBeNull();
  });

  it('messages end the reading; clearing keeps the visibility choice', () => {
    let slice = linesReadingDone(startLinesReading(initialControlLinesState()), [{ severity: 'error', text: 'lines' }]);
    expect(slice).toMatchObject({ reading: false, messages: [{ severity: 'error', text: 'lines' }] });
    slice = clearLines(setLinesVisible(acceptLines(slice, [red], new Blob([])), false));
    expect(slice).toEqual({ ...initialControlLinesState(), visible: false });
  });

  it('onControlLines applies an action to the whole state, the same object when nothing changes', () => {
    const state = initialState('zh');
    expect(onControlLines(state, (slice) => slice)).toBe(state);
    const next = onControlLines(state, startLinesReading);
    expect(next.controlLines.reading).toBe(true);
    expect(next.landuse).toBe(state.landuse);
  });
});
