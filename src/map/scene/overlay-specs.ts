/**
 * The style layers the app draws over the plan (pure; no MapLibre runtime): the study area and what-if
 * outlines, a measurement, the presenter's slide highlight and spotlight.
 */
import type { LayerSpecification } from 'maplibre-gl';

export const OUTLINES_SOURCE = 'study-shapes';
export const MEASURE_SOURCE = 'measure';
export const SLIDE_SOURCE = 'slide-highlight';
export const SLIDE_MASK_SOURCE = 'slide-spotlight';

const STUDY_COLOUR = '#c2410c';
const WHAT_IF_COLOUR = '#7c3aed';
const MEASURE_COLOUR = '#0f766e';

/** The study area (`role: study`) and what-if cluster outlines (`role: what-if`). */
export const OUTLINE_LAYERS: readonly LayerSpecification[] = [
  { id: 'study-shapes-fill', type: 'fill', source: OUTLINES_SOURCE,
    paint: { 'fill-color': ['match', ['get', 'role'], 'study', STUDY_COLOUR, WHAT_IF_COLOUR], 'fill-opacity': 0.1 } },
  { id: 'study-shapes-line', type: 'line', source: OUTLINES_SOURCE,
    paint: { 'line-color': ['match', ['get', 'role'], 'study', STUDY_COLOUR, WHAT_IF_COLOUR], 'line-width': 2.5, 'line-dasharray': [2, 1.5] } },
];

/** A measurement: its points, the line through them, or the closed polygon. */
export const MEASURE_LAYERS: readonly LayerSpecification[] = [
  { id: 'measure-fill', type: 'fill', source: MEASURE_SOURCE, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': MEASURE_COLOUR, 'fill-opacity': 0.15 } },
  { id: 'measure-line', type: 'line', source: MEASURE_SOURCE, filter: ['!=', ['geometry-type'], 'Point'],
    paint: { 'line-color': MEASURE_COLOUR, 'line-width': 3, 'line-dasharray': [2, 1] } },
  { id: 'measure-point', type: 'circle', source: MEASURE_SOURCE, filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-radius': 5, 'circle-color': '#ffffff', 'circle-stroke-color': MEASURE_COLOUR, 'circle-stroke-width': 2.5 } },
];

/** The slide's features (amber outlines, rings) over the spotlight mask that dims everything else. */
export const SLIDE_LAYERS: readonly LayerSpecification[] = [
  { id: 'slide-spotlight-mask', type: 'fill', source: SLIDE_MASK_SOURCE, paint: { 'fill-color': '#0b1a26', 'fill-opacity': 0.55 } },
  { id: 'slide-highlight-line', type: 'line', source: SLIDE_SOURCE, paint: { 'line-color': '#ffb000', 'line-width': 4 } },
  { id: 'slide-highlight-point', type: 'circle', source: SLIDE_SOURCE, filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-radius': 9, 'circle-color': 'rgba(255,176,0,0.35)', 'circle-stroke-color': '#ffb000', 'circle-stroke-width': 3 } },
];
