import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext } from '../../../state/store-context.ts';
import type { Store } from '../../../state/store.ts';
import { pick, shallowEqual } from '../../../state/store.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import { emit } from '../../events.ts';
import type { ImportedLayer } from '../../../state/imports.ts';
import { LAYER_GROUPS, unmappedLayers } from '../../../state/layer-catalog.ts';
import type { CatalogGroup } from '../../../state/layer-catalog.ts';
import { StoreController } from '../../controllers/store.controller.ts';
import { sameDrawing, selectLandUseDrawing } from '../../../state/landuse-state.ts';
import { selectControlLineDrawing } from '../../../state/control-lines-state.ts';
import { translate } from '../../../i18n/messages.ts';
import type { Lang, MessageKey } from '../../../i18n/messages.ts';

/**
 * The layer tree: groups like the plan, a checkbox per group (indeterminate when mixed) and per layer,
 * and an opacity slider per layer; a layer the data leaves empty (e.g. farmland, which no public outline maps)
 * says "not mapped" instead of offering a toggle that would show nothing. Native inputs in nested lists, so Tab / Space / arrows work as usual.
 * User-imported layers follow in an "Imported" group (show, opacity keyed by the import id, remove), and the
 * planner's land-use layer, once one is drawn (show, opacity; it is read and removed in its own panel). Layers a
 * lazy feature adds (the plan images) are its children, shown after the list; the basemap's entry
 * (<plan-basemap-entry>, ./basemap-entry.ts) comes last, once the basemap feature has defined it.
 *
 * @fires plan-layers-visible - catalog layers shown or hidden
 * @fires plan-layer-opacity - a layer's opacity (catalog or imported id)
 * @fires plan-import-visible - an imported layer shown or hidden
 * @fires plan-import-remove - an imported layer removed
 * @fires plan-landuse-display - the land-use layer shown or hidden, or its opacity
 * @fires plan-control-lines-display - the control lines shown or hidden
 */
/** The part of the state this element renders. */
type LayerTreeView = Pick<PlanState, 'lang' | 'data' | 'imports' | 'layerOpacity' | 'layerVisibility'>;

@customElement('plan-layer-tree')
export class PlanLayerTree extends LitElement {
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: Store<PlanState> | undefined;

  private readonly view = new StoreController(this, () => this.store, pick<PlanState, 'lang' | 'data' | 'imports' | 'layerOpacity' | 'layerVisibility'>('lang', 'data', 'imports', 'layerOpacity', 'layerVisibility'), shallowEqual);
  private readonly landuse = new StoreController(this, () => this.store, selectLandUseDrawing, sameDrawing);
  private readonly controlLines = new StoreController(this, () => this.store, selectControlLineDrawing,
    (a, b) => a === b || (!!a && !!b && a.data === b.data && a.visible === b.visible));

  static override styles = css`
    :host { display: block; font-size: 0.88rem; }
    ul { list-style: none; margin: 0; padding: 0; }
    ul ul { padding-left: 1.4rem; }
    li.group { margin: 0.35rem 0; }
    .row { display: flex; align-items: center; gap: 0.4rem; min-height: 1.9rem; }
    .group > .row { font-weight: 600; }
    label { flex: 1; cursor: pointer; }
    input[type='checkbox'] { width: 1.05rem; height: 1.05rem; margin: 0; accent-color: #14324a; }
    input[type='range'] { width: 5.5rem; accent-color: #14324a; }
    input:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
    input[type='range']:disabled { opacity: 0.4; }
    .imported-name { overflow-wrap: anywhere; }
    button.remove {
      font: inherit; font-size: 0.78rem; padding: 0.1rem 0.4rem; border: 1px solid #8a96a3; border-radius: 4px;
      background: #fff; color: #14324a; cursor: pointer;
    }
    button.remove:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
    .unmapped .label { flex: 1; padding-left: 1.45rem; color: #4a5561; }
    .not-mapped { font-size: 0.8rem; color: #6b4e16; font-style: italic; }
    .value { width: 2.6rem; text-align: right; font-variant-numeric: tabular-nums; color: #4a5561; font-size: 0.8rem; }
  `;

  private unmappedFor: { data: PlanState['data']; ids: ReadonlySet<string> } | undefined;

  /** The catalog layers the loaded data leaves empty (recomputed only when the data changes). */
  private unmapped(state: LayerTreeView): ReadonlySet<string> {
    if (this.unmappedFor?.data !== state.data) this.unmappedFor = { data: state.data, ids: unmappedLayers(state.data) };
    return this.unmappedFor.ids;
  }

  private setVisible(ids: readonly string[], visible: boolean): void {
    emit(this, 'plan-layers-visible', { ids, visible });
  }

  private setOpacity(id: string, percent: number): void {
    emit(this, 'plan-layer-opacity', { id, opacity: percent / 100 });
  }

  private renderGroup(group: CatalogGroup, state: LayerTreeView, lang: Lang, unmapped: ReadonlySet<string>) {
    // a layer the data leaves empty is "not mapped": no toggle that would show nothing, and not part of the group's toggle
    const ids = group.layers.map((layer) => layer.id).filter((id) => !unmapped.has(id));
    const shown = ids.filter((id) => state.layerVisibility[id]).length;
    const groupLabel = translate(lang, group.labelKey as MessageKey);
    return html`
      <li class="group">
        <div class="row">
          <input type="checkbox" id="cb-${group.id}" data-group=${group.id}
            .checked=${shown === ids.length} .indeterminate=${shown > 0 && shown < ids.length}
            @change=${(event: Event) => this.setVisible(ids, (event.target as HTMLInputElement).checked)}>
          <label for="cb-${group.id}">${groupLabel}</label>
        </div>
        <ul aria-label=${groupLabel}>
          ${group.layers.map((layer) => {
            const label = translate(lang, layer.labelKey as MessageKey);
            if (unmapped.has(layer.id)) {
              return html`
              <li class="row unmapped" data-unmapped=${layer.id}>
                <span class="label">${label}</span>
                <span class="not-mapped">${translate(lang, 'layers.notMapped')}</span>
              </li>`;
            }
            const visible = Boolean(state.layerVisibility[layer.id]);
            const percent = Math.round((state.layerOpacity[layer.id] ?? 1) * 100);
            return html`
              <li class="row">
                <input type="checkbox" id="cb-${layer.id}" data-layer=${layer.id} .checked=${visible}
                  @change=${(event: Event) => this.setVisible([layer.id], (event.target as HTMLInputElement).checked)}>
                <label for="cb-${layer.id}">${label}</label>
                <input type="range" min="0" max="100" step="5" .value=${String(percent)} data-opacity=${layer.id}
                  aria-label=${translate(lang, 'layers.opacity', { layer: label })} aria-valuetext=${`${percent}%`}
                  ?disabled=${!visible}
                  @input=${(event: Event) => this.setOpacity(layer.id, Number((event.target as HTMLInputElement).value))}>
                <span class="value" aria-hidden="true">${translate(lang, 'layers.opacityValue', { value: percent })}</span>
              </li>`;
          })}
        </ul>
      </li>`;
  }

  private removeImported(layer: ImportedLayer): void {
    emit(this, 'plan-import-remove', { id: layer.id });
  }

  /** The user's imported layers (names are file names: untrusted text, rendered as text). */
  private renderImported(state: LayerTreeView, lang: Lang) {
    if (!state.imports.length) return null;
    const groupLabel = translate(lang, 'layers.imported');
    return html`
      <li class="group" data-group="imported">
        <div class="row"><span>${groupLabel}</span></div>
        <ul aria-label=${groupLabel}>
          ${state.imports.map((layer, index) => {
            const percent = Math.round((state.layerOpacity[layer.id] ?? 1) * 100);
            const inputId = `cb-imported-${index}`;
            return html`
              <li class="row" data-import-id=${layer.id}>
                <input type="checkbox" id=${inputId} .checked=${layer.visible}
                  aria-label=${translate(lang, 'layers.importedShow', { name: layer.name })}
                  @change=${(event: Event) => emit(this, 'plan-import-visible', { id: layer.id, visible: (event.target as HTMLInputElement).checked })}>
                <label for=${inputId} class="imported-name">${layer.name}</label>
                <input type="range" min="0" max="100" step="5" .value=${String(percent)} data-opacity=${layer.id}
                  aria-label=${translate(lang, 'layers.opacity', { layer: layer.name })} aria-valuetext=${`${percent}%`}
                  ?disabled=${!layer.visible}
                  @input=${(event: Event) => this.setOpacity(layer.id, Number((event.target as HTMLInputElement).value))}>
                <button type="button" class="remove" aria-label=${translate(lang, 'layers.importedRemoveLabel', { name: layer.name })}
                  @click=${() => this.removeImported(layer)}>${translate(lang, 'layers.importedRemove')}</button>
              </li>`;
          })}
        </ul>
      </li>`;
  }

  /** The planner's land-use layer, drawn under the plan layers (its name is a file name: rendered as text). */
  private renderLandUse(lang: Lang) {
    const drawing = this.landuse.value;
    if (!drawing) return null;
    const groupLabel = translate(lang, 'layers.landuse');
    const percent = Math.round(drawing.opacity * 100);
    return html`
      <li class="group" data-group="landuse">
        <div class="row"><span>${groupLabel}</span></div>
        <ul aria-label=${groupLabel}>
          <li class="row" data-landuse-layer>
            <input type="checkbox" id="cb-landuse" data-layer="landuse" .checked=${drawing.visible}
              aria-label=${translate(lang, 'layers.importedShow', { name: drawing.drawn.name })}
              @change=${(event: Event) => emit(this, 'plan-landuse-display', { visible: (event.target as HTMLInputElement).checked })}>
            <label for="cb-landuse" class="imported-name">${drawing.drawn.name}</label>
            <input type="range" min="0" max="100" step="5" .value=${String(percent)} data-opacity="landuse"
              aria-label=${translate(lang, 'layers.opacity', { layer: drawing.drawn.name })} aria-valuetext=${`${percent}%`}
              ?disabled=${!drawing.visible}
              @input=${(event: Event) => emit(this, 'plan-landuse-display', { opacity: Number((event.target as HTMLInputElement).value) / 100 })}>
            <span class="value" aria-hidden="true">${translate(lang, 'layers.opacityValue', { value: percent })}</span>
          </li>
        </ul>
      </li>`;
  }

  /** The control lines (三区三线), once read: shown or hidden (they are read and replaced in their own panel). */
  private renderControlLines(lang: Lang) {
    const drawing = this.controlLines.value;
    if (!drawing) return null;
    const label = translate(lang, 'controlLines.layers' as MessageKey);
    return html`
      <li class="group" data-group="control-lines">
        <div class="row">
          <input type="checkbox" id="cb-control-lines" data-layer="control-lines" .checked=${drawing.visible}
            @change=${(event: Event) => emit(this, 'plan-control-lines-display', { visible: (event.target as HTMLInputElement).checked })}>
          <label for="cb-control-lines">${label}</label>
        </div>
      </li>`;
  }

  override render() {
    const state = this.view.value;
    if (!state) return null;
    return html`<ul aria-label=${translate(state.lang, 'layers.tree')}>
      ${LAYER_GROUPS.map((group) => this.renderGroup(group, state, state.lang, this.unmapped(state)))}
      ${this.renderImported(state, state.lang)}
      ${this.renderLandUse(state.lang)}
      ${this.renderControlLines(state.lang)}
    </ul><slot></slot>
    <plan-basemap-entry></plan-basemap-entry>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-layer-tree': PlanLayerTree;
  }
}
