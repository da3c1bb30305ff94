import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext } from '../../../state/store-context.ts';
import type { Store } from '../../../state/store.ts';
import { pick, shallowEqual } from '../../../state/store.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import type { BasemapState } from '../../../state/basemap-state.ts';
import { StoreController } from '../../controllers/store.controller.ts';
import { emit } from '../../events.ts';
import { translate } from '../../../i18n/messages.ts';
import type { Lang } from '../../../i18n/messages.ts';

/**
 * The layer tree's "Basemap" entry (rendered by <plan-layer-tree>, defined by `defineBasemapEntry` when the basemap
 * feature installs, its strings loaded): a
 * button that opens a .pmtiles / .mbtiles file (on the one-file build, opened from a folder: "open basemap from
 * this folder"); with a basemap, show / hide, opacity, remove (a device file only: the deployer's basemap is
 * the site's), what it is and its source from the file's metadata (untrusted text, rendered as text).
 *
 * @fires plan-basemap-files - a file chosen
 * @fires plan-basemap-visible - shown or hidden
 * @fires plan-basemap-opacity - opacity 0..1
 * @fires plan-basemap-remove - removed
 */
export class PlanBasemapEntry extends LitElement {
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: Store<PlanState> | undefined;

  private readonly view = new StoreController(this, () => this.store, pick<PlanState, 'lang' | 'basemap'>('lang', 'basemap'), shallowEqual);

  static override styles = css`
    :host { display: block; margin: 0.35rem 0; }
    .row { display: flex; align-items: center; gap: 0.4rem; min-height: 1.9rem; }
    .title { font-weight: 600; }
    .name { flex: 1; overflow-wrap: anywhere; cursor: pointer; }
    .body { padding-left: 1.4rem; }
    .note { font-size: 0.78rem; color: #4a5561; margin: 0.1rem 0; overflow-wrap: anywhere; }
    .error { font-size: 0.8rem; color: #8a1c1c; margin: 0.2rem 0; }
    input[type='checkbox'] { width: 1.05rem; height: 1.05rem; margin: 0; accent-color: #14324a; }
    input[type='range'] { width: 5.5rem; accent-color: #14324a; }
    input[type='range']:disabled { opacity: 0.4; }
    .value { width: 2.6rem; text-align: right; font-variant-numeric: tabular-nums; color: #4a5561; font-size: 0.8rem; }
    button {
      font: inherit; font-size: 0.8rem; padding: 0.15rem 0.45rem; border: 1px solid #8a96a3; border-radius: 4px;
      background: #fff; color: #14324a; cursor: pointer;
    }
    button:focus-visible, input:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
    input[type='file'] { display: none; }
  `;

  private choose(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input[type="file"]')?.click();
  }

  private chosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length) emit(this, 'plan-basemap-files', { files });
  }

  private renderCurrent(basemap: NonNullable<BasemapState['current']>, lang: Lang) {
    const percent = Math.round(basemap.opacity * 100);
    const kind = translate(lang, basemap.kind === 'raster' ? 'basemap.kind.raster' : 'basemap.kind.vector');
    return html`
      <div class="row" data-basemap-name=${basemap.name}>
        <input type="checkbox" id="cb-basemap" data-basemap-visible .checked=${basemap.visible}
          aria-label=${translate(lang, 'basemap.show', { name: basemap.name })}
          @change=${(event: Event) => emit(this, 'plan-basemap-visible', { visible: (event.target as HTMLInputElement).checked })}>
        <label for="cb-basemap" class="name">${basemap.name}</label>
        <input type="range" min="0" max="100" step="5" .value=${String(percent)} data-basemap-opacity
          aria-label=${translate(lang, 'basemap.opacity', { name: basemap.name })} aria-valuetext=${`${percent}%`}
          ?disabled=${!basemap.visible}
          @input=${(event: Event) => emit(this, 'plan-basemap-opacity', { opacity: Number((event.target as HTMLInputElement).value) / 100 })}>
        <span class="value" aria-hidden="true">${percent}%</span>
        ${basemap.origin === 'device' ? html`<button type="button" data-basemap-remove aria-label=${translate(lang, 'basemap.removeLabel', { name: basemap.name })}
          @click=${() => emit(this, 'plan-basemap-remove', null)}>${translate(lang, 'basemap.remove')}</button>` : null}
      </div>
      <div class="body">
        <p class="note">${translate(lang, 'basemap.details', { kind, format: basemap.format === 'pmtiles' ? 'PMTiles' : 'MBTiles', minZoom: basemap.minZoom, maxZoom: basemap.maxZoom })}
          · ${translate(lang, basemap.origin === 'device' ? 'basemap.origin.device' : 'basemap.origin.deployer')}</p>
        <p class="note" data-basemap-attribution>${basemap.attribution ? translate(lang, 'basemap.attribution', { text: basemap.attribution }) : translate(lang, 'basemap.noAttribution')}</p>
        ${basemap.bounds ? null : html`<p class="note">${translate(lang, 'basemap.boundsUnknown')}</p>`}
      </div>`;
  }

  override render() {
    const state = this.view.value;
    if (!state) return null;
    const { lang, basemap } = state;
    const fromFolder = typeof location !== 'undefined' && location.protocol === 'file:';
    return html`
      <section data-basemap aria-labelledby="basemap-title">
        <div class="row"><span class="title" id="basemap-title">${translate(lang, 'basemap.title')}</span></div>
        ${basemap.current ? this.renderCurrent(basemap.current, lang) : html`<p class="note body" data-basemap-none>${translate(lang, 'basemap.none')}</p>`}
        <div class="body">
          ${basemap.reading ? html`<p class="note" data-basemap-reading>${translate(lang, 'basemap.reading', { name: basemap.reading })}</p>` : null}
          ${basemap.error ? html`<p class="error" data-basemap-error>${basemap.error}</p>` : null}
          <div class="row">
            <button type="button" data-basemap-open ?disabled=${basemap.reading !== null} @click=${() => this.choose()}>
              ${translate(lang, fromFolder ? 'basemap.openFolder' : 'basemap.open')}</button>
            <input type="file" accept=".pmtiles,.mbtiles" data-basemap-file tabindex="-1" aria-hidden="true" @change=${(event: Event) => this.chosen(event)}>
          </div>
          <p class="note">${translate(lang, 'basemap.openHint')}</p>
        </div>
      </section>`;
  }
}

/** Defines <plan-basemap-entry> (once); the layer tree's entry then renders. */
export function defineBasemapEntry(): void {
  if (!customElements.get('plan-basemap-entry')) customElements.define('plan-basemap-entry', PlanBasemapEntry);
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-basemap-entry': PlanBasemapEntry;
  }
}
