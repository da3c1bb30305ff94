/**
 * The map side of the compare: creates the second map when a compare starts, feeds both maps their side's
 * state on every change, and removes the second map when it stops (or the feature is disposed).
 */
import type { FeatureCollection } from 'geojson';
import type { AppServices } from '../services.ts';
import type { PlanState } from '../../state/plan-state.ts';
import { sameItems } from '../../state/store.ts';
import { structureWithWhatIf } from '../../state/compare-deltas.ts';
import type { CompareSide } from '../../state/compare-state.ts';
import type { StudyGeometry } from '../../state/study-state.ts';
import { translate } from '../../i18n/messages.ts';
import { CompareView } from '../../map/compare-view.ts';
import type { CompareMapSide } from '../../map/compare-view.ts';

export class CompareMap {
  private view: CompareView | undefined;
  private host: HTMLElement | undefined;
  private last: { structure: FeatureCollection; whatIf: Readonly<Record<string, StudyGeometry>>; swapped: FeatureCollection } | undefined;
  private state: PlanState | undefined;
  private shown: unknown[] = [];

  /** @param wide - whether the window is wide enough for side by side now */
  constructor(private readonly services: AppServices, private readonly wide: () => boolean) {}

  /** The plan's structure with the what-if outlines (the same object while neither changes, so the map skips it). */
  private structureOf(state: PlanState, side: CompareSide): FeatureCollection | undefined {
    const structure = state.data.structure;
    if (!structure || !side.whatIf) return structure;
    const whatIf = state.study.whatIf;
    if (this.last?.structure !== structure || this.last.whatIf !== whatIf) this.last = { structure, whatIf, swapped: structureWithWhatIf(structure, whatIf) };
    return this.last.swapped;
  }

  private side(state: PlanState, side: CompareSide): CompareMapSide {
    return { structure: this.structureOf(state, side), year: side.year, landuse: side.basis === 'landuse' };
  }

  /** Shows the compare of `state` (starts or stops the second map with `state.compare.active`). */
  follow(state: PlanState): void {
    this.state = state;
    const { compare } = state;
    if (!compare.active) {
      this.stop();
      return;
    }
    const inputs = [compare, state.data, state.study.whatIf, state.layerVisibility, state.layerOpacity, state.imports, state.lang, this.wide()];
    if (this.view && sameItems(inputs, this.shown)) return;
    this.shown = inputs;
    if (!this.view) {
      this.host = document.createElement('div');
      this.host.slot = 'map';
      this.host.dataset.testid = 'compare-maps';
      // Over the main map (inline style wins over the shell's ::slotted rule); pointers reach only the visible part.
      this.host.setAttribute('style', 'position:absolute;inset:0;z-index:1;pointer-events:none');
      this.services.app.append(this.host);
      this.view = new CompareView(this.services.view, this.host);
    }
    this.view.show({
      left: this.side(state, compare.left),
      right: this.side(state, compare.right),
      layout: compare.layout === 'side-by-side' && this.wide() ? 'side-by-side' : 'swipe',
      position: compare.position,
      data: state.data,
      visibility: state.layerVisibility,
      opacity: state.layerOpacity,
      imports: state.imports.map((layer) => layer.id),
      lang: state.lang,
      label: translate(state.lang, 'compare.secondMap'),
    });
  }

  /** Removes the second map and gives the main map back the app's own state. */
  stop(): void {
    if (!this.view) return;
    const state = this.state ?? this.services.store.getState();
    this.view.remove(state.data.structure, state.data, state.year);
    this.view = undefined;
    this.host?.remove();
    this.host = undefined;
    this.last = undefined;
    this.shown = [];
  }
}
