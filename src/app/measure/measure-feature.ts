/**
 * The measure tool: distance along a polyline or area of a polygon, geodesic (src/core/measure). Its state is the
 * store's measure slice (src/state/measure-state.ts): the panel renders it, this module turns the panel's events,
 * the map's clicks and the shortcuts into actions, and the map follows the slice (src/map/measure-layer.ts). While
 * measuring, map clicks add points (feature picking is suspended), Enter or a double-click stops adding, Backspace
 * removes the last point, Escape leaves; `m` starts or stops it. `dispose` removes the panel, the map layer, the
 * shortcuts and the listeners.
 */
import '../../ui/components/measure/measure-panel.ts';
import type { AppServices, Dispose } from '../shell/services.ts';
import { Lifetime } from '../shell/lifetime.ts';
import { PlanSidePanel } from '../../ui/components/side-panel/side-panel.ts';
import { MeasureLayer } from '../../map/measure-layer.ts';
import { mapContainer } from '../../map/map-element.ts';
import { setMode } from '../../state/actions.ts';
import {
  addMeasurePoint, clearMeasure, setMeasureMode, startMeasuring, stopMeasuring, undoMeasurePoint,
} from '../../state/measure-state.ts';
import type { MeasureState } from '../../state/measure-state.ts';

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
  let layer: MeasureLayer | undefined;
  let listening: { stop: () => void; resume: () => void } | undefined;

  const slice = () => store.getState().measure;
  const start = () => store.update((state) => setMode(startMeasuring(state), 'analyse'));
  const stop = () => store.update(stopMeasuring);
  const undo = () => store.update(undoMeasurePoint);

  /** The map follows the slice: clicks are listened to while active, the points are drawn. */
  const follow = (measure: MeasureState) => {
    if (measure.active && !listening) {
      layer ??= new MeasureLayer(view);
      const resume = pointer.suspend();
      listening = { resume, stop: layer.listen((point) => store.update((state) => addMeasurePoint(state, point)), stop) };
      if (section) section.open = true;
    } else if (!measure.active && listening) {
      listening.stop();
      listening.resume();
      listening = undefined;
    }
    if (measure.points.length) layer ??= new MeasureLayer(view);
  };

  life.listen(panel, 'plan-measure', (event) => {
    const detail = event.detail;
    if (detail.command === 'mode') store.update((state) => setMeasureMode(state, detail.mode));
    else if (detail.command === 'start') start();
    else if (detail.command === 'stop') stop();
    else if (detail.command === 'add-centre') { if (layer && slice().active) { const centre = layer.centre(); store.update((state) => addMeasurePoint(state, centre)); } }
    else if (detail.command === 'undo') undo();
    else store.update(clearMeasure);
  });
  const measuring = () => slice().active;
  life.add(keys.register({
    scope: 'map', keys: ['m', 'M'], id: 'measure.toggle', notWhileTyping: true,
    run: () => { if (measuring()) stop(); else start(); },
  }));
  life.add(keys.register({ scope: 'study', keys: ['Enter'], id: 'measure.finish', when: measuring, run: (event) => (onMap(event, mapContainer(view)) ? stop() : false) }));
  life.add(keys.register({
    scope: 'study', keys: ['Backspace'], id: 'measure.undo', when: () => measuring() && slice().points.length > 0,
    run: (event) => { if (!onMap(event, mapContainer(view))) return false; undo(); },
  }));
  life.add(keys.register({ scope: 'study', keys: ['Escape'], id: 'measure.stop', when: measuring, run: () => stop() }));
  life.add(store.select((state) => state.measure, follow));
  life.add(() => {
    store.update(stopMeasuring);
    listening?.stop();
    listening?.resume();
    listening = undefined;
    layer?.remove();
    layer = undefined;
  });
  follow(slice());
  return () => life.dispose();
}
