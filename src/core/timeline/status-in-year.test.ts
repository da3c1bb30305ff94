import { describe, expect, it } from 'vitest';
import { idsByStatus, statusInYear, timelineYearFor } from './status-in-year.ts';

describe('statusInYear', () => {
  it('is open from year_open on, under construction from year_start, planned before', () => {
    const crossing = { status: 'open', year_start: 2017, year_open: 2021 };
    expect(statusInYear(crossing, 2016)).toBe('planned');
    expect(statusInYear(crossing, 2018)).toBe('under-construction');
    expect(statusInYear(crossing, 2021)).toBe('open');
    expect(statusInYear(crossing, 2035)).toBe('open');
  });

  it('keeps a documented open feature without a year open in every timeline year', () => {
    expect(statusInYear({ status: 'open', year_open: null }, 2023)).toBe('open');
    expect(statusInYear({ status: 'open' }, 2035)).toBe('open');
  });

  it('opens a planned project in its plan phase, not before', () => {
    const project = { status: 'planned', phase: 2030 };
    expect(statusInYear(project, 2023)).toBe('planned');
    expect(statusInYear(project, 2025)).toBe('planned');
    expect(statusInYear(project, 2030)).toBe('open');
  });

  it('keeps an under-construction feature without dates under construction', () => {
    expect(statusInYear({ status: 'under-construction', year_open: null, year_start: null }, 2035)).toBe('under-construction');
    expect(statusInYear({ status: 'under-construction', phase: 2025 }, 2025)).toBe('open');
  });

  it('treats a start year as under construction once reached', () => {
    expect(statusInYear({ status: 'planned', year_start: 2025 }, 2023)).toBe('planned');
    expect(statusInYear({ status: 'planned', year_start: 2025 }, 2025)).toBe('under-construction');
  });

  it('ignores malformed values instead of throwing', () => {
    expect(statusInYear({ status: 42, year_open: 'soon', phase: Number.NaN }, 2030)).toBe('planned');
  });

  it('groups ids by status without mutating the input', () => {
    const features = [
      { properties: { id: 'a', status: 'open' } },
      { properties: { id: 'b', status: 'planned', phase: 2025 } },
      { properties: { id: 'c', status: 'under-construction' } },
      { properties: null },
    ];
    const copy = structuredClone(features);
    expect(idsByStatus(features, 2023)).toEqual({ open: ['a'], 'under-construction': ['c'], planned: ['b'] });
    expect(idsByStatus(features, 2025).open).toEqual(['a', 'b']);
    expect(features).toEqual(copy);
  });

  it('maps any year to the timeline step at or before it', () => {
    expect(timelineYearFor(2000)).toBe(2023);
    expect(timelineYearFor(2027)).toBe(2025);
    expect(timelineYearFor(2040)).toBe(2035);
  });
});
