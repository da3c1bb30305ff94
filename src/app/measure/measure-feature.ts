/**
 * The measure tool: distance along a polyline or area of a polygon, geodesic (src/core/measure), drawn by
 * src/map/measure-layer.ts, with its panel in the side panel. While measuring, map clicks add points (feature
 * picking is suspended), Enter or a double-click stops adding, Backspace removes the last point, Escape leaves;
 * `m` starts or stops it. `dispose` removes the panel, the map layer, the shortcuts and the listeners.
 */
import '../../ui/components/measure/measure-panel.ts';
import type { Position } from 'geojson';
import type { AppServices, Dispose } from '../services.ts';
import { Lifetime } from '../lifetime.ts';
import { PlanSidePanel } from '../../ui/components/side-panel/side-panel.ts';
import { MeasureLayer } from '../../map/measure-layer.ts';
import { mapContainer } from '../../map/map-element.ts';
import { measurePoints } from '../../core/measure/measure-points.ts';
import { setMode } from '../../state/actions.ts';
import type { MeasureMode } from '../../core/measure/measure-points.ts';

/** Enter and Backspace are measuring shortcuts only on the map (or with nothing focused), not on a button or field. */
function onMap(event: KeyboardEvent, map: HTMLElement): boolean {
  const target = event.composedPath()[0];
  return target === document.body || target === document.documentElement || (target instanceof Node && map.contains(target));
}

export function install(services: AppServices): Dispose {
  const { app, view, keys, store, pointer } = services;
  const life = new Lifetime();
  const panel = document.createElement('plan-measure-panel');
  const section = PlanSidePanel.addSection({ id: 'measure', labelKey: 'measure.section', content: panel, order: 45, open: false }, app);
  if (section) life.add(() => section.remove());
  let points: Position[] = [];
  let mode: MeasureMode = 'distance';
  let layer: MeasureLayer | undefined;
  let stopListening: (() => void) | undefined;
  let resume: (() => void) | undefined;

  const render = () => {
    panel.language = store.getState().lang;
    panel.mode = mode;
    panel.active = stopListening !== undefined;
    panel.measurement = points.length ? measurePoints(points, mode) : null;
    layer?.show(points, mode === 'area');
  };
  const add = (point: Position) => {
    points = [...points, point];
    render();
  };
  const stop = () => {
    stopListening?.();
    stopListening = undefined;
    resume?.();
    resume = undefined;
    render();
  };
  const start = () => {
    if (stopListening) return;
    layer ??= new MeasureLayer(view);
    resume = pointer.suspend();
    stopListening = layer.listen(add, stop);
    store.update((state) => setMode(state, 'analyse'));
    if (section) section.open = true;
    render();
  };
  const clear = () => {
    points = [];
    render();
  };

  life.listen(panel, 'plan-measure', (event) => {
    const detail = event.detail;
    if (detail.command === 'mode') { mode = detail.mode; render(); return; }
    if (detail.command === 'start') start();
    else if (detail.command === 'stop') stop();
    else if (detail.command === 'add-centre') { if (layer && stopListening) add(layer.centre()); }
    else if (detail.command === 'undo') { points = points.slice(0, -1); render(); }
    else clear();
  });
  const measuring = () => stopListening !== undefined;
  life.add(keys.register({
    scope: 'map', keys: ['m', 'M'], id: 'measure.toggle', notWhileTyping: true,
    run: () => { if (measuring()) stop(); else start(); },
  }));
  life.add(keys.register({ scope: 'study', keys: ['Enter'], id: 'measure.finish', when: measuring, run: (event) => (onMap(event, mapContainer(view)) ? stop() : false) }));
  life.add(keys.register({
    scope: 'study', keys: ['Backspace'], id: 'measure.undo', when: () => measuring() && points.length > 0,
    run: (event) => { if (!onMap(event, mapContainer(view))) return false; points = points.slice(0, -1); render(); },
  }));
  life.add(keys.register({ scope: 'study', keys: ['Escape'], id: 'measure.stop', when: measuring, run: () => stop() }));
  life.add(store.select((state) => state.lang, () => render()));
  life.add(() => {
    stop();
    layer?.remove();
    layer = undefined;
  });
  render();
  return () => life.dispose();
}
