import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { storeContext } from '../../state/store-context.ts';
import type { Store } from '../../state/store.ts';
import { pick, shallowEqual } from '../../state/store.ts';
import type { Announcement, PlanState } from '../../state/plan-state.ts';
import { translate } from '../../i18n/messages.ts';
import { StoreController } from '../../ui/controllers/store.controller.ts';
import { emit } from '../../ui/events.ts';
import { setLanguage } from '../../state/actions.ts';

/**
 * The application shell: header, side panel, the map, and the ARIA live regions.
 *
 * @slot map - the element MapLibre draws into (light DOM, so MapLibre's CSS applies)
 * @slot toolbar - buttons in the header
 * @slot panel - side panel content (a bottom sheet on phones)
 * @fires plan-lang-change - detail: the new language, when the user switches it
 */
@customElement('plan-app')
export class PlanApp extends LitElement {
  @provide({ context: storeContext })
  @property({ attribute: false })
  store: Store<PlanState> | undefined;

  private readonly view = new StoreController(this, () => this.store, pick<PlanState, 'lang' | 'announcements'>('lang', 'announcements'), shallowEqual);

  static override styles = css`
    :host {
      position: fixed;
      inset: 0;
      display: grid;
      grid-template-rows: auto 1fr;
      grid-template-columns: minmax(0, var(--plan-panel-width, 340px)) 1fr;
      grid-template-areas: 'header header' 'panel map';
      font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif;
      color: #1f2933;
      background: #f3f1ec;
    }
    header {
      grid-area: header;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.4rem 0.75rem;
      padding: 0.4rem 0.75rem;
      background: #14324a;
      color: #fff;
      min-height: 2.75rem;
      border-bottom: var(--plan-border-width, 0px) solid #000;
    }
    h1 {
      font-size: 1.05rem;
      margin: 0;
      font-weight: 600;
      flex: 1 1 auto;
      min-width: min(13em, 100%);
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .tools { display: flex; flex-wrap: wrap; align-items: center; justify-content: flex-end; gap: 0.4rem 0.75rem; }
    .panel {
      grid-area: panel;
      overflow: auto;
      background: #fff;
      border-right: 1px solid #d0ccc4;
    }
    :host(:not([has-panel])) { grid-template-columns: 0 1fr; }
    :host(:not([has-panel])) .panel { display: none; }
    .map { grid-area: map; position: relative; min-height: 0; }
    ::slotted([slot='map']) { position: absolute; inset: 0; }
    /* Over the top of the map, clear of MapLibre's controls on the right: the indicator bar, then the note. */
    .top {
      position: absolute;
      left: 0.5rem;
      right: 3rem;
      top: 0.5rem;
      z-index: 3;
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 0.3rem;
      pointer-events: none;
    }
    ::slotted([slot='map-top']) { pointer-events: auto; max-width: 100%; }
    .note {
      margin: 0;
      max-width: 22rem;
      font-size: 0.75rem;
      background: rgba(255, 255, 255, 0.9);
      border-radius: 4px;
      padding: 0.2rem 0.45rem;
      pointer-events: none;
    }
    button.lang {
      font: inherit;
      font-size: var(--plan-header-font-size, 1rem);
      white-space: nowrap;
      color: #14324a;
      background: #fff;
      border: 0;
      border-radius: 4px;
      padding: 0.3rem 0.7rem;
      cursor: pointer;
    }
    button:focus-visible { outline: var(--plan-focus-width, 3px) solid #ffb000; outline-offset: 2px; }
    .sr-only {
      position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
      clip: rect(0 0 0 0); white-space: nowrap; border: 0;
    }
    .toast {
      position: absolute;
      right: 0.5rem;
      bottom: 2.2rem;
      z-index: 2;
      max-width: min(28rem, 90vw);
      background: #7f1d1d;
      color: #fff;
      padding: 0.5rem 0.75rem;
      border-radius: 4px;
      font-size: 0.85rem;
    }
    :host([large-text]) .note { background: #fff; color: #111; border: 2px solid #111; }
    /* Phones: the title and the language on one row, the tools below it, compact; the map keeps most of the height. */
    @media (max-width: 700px) {
      :host {
        grid-template-columns: minmax(0, 1fr);
        grid-template-rows: auto 1fr auto;
        grid-template-areas: 'header' 'map' 'panel';
      }
      .panel { max-height: 45vh; border-right: 0; border-top: 1px solid #d0ccc4; }
      header {
        display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 5px 8px; padding: 5px 8px; min-height: 0;
      }
      h1 { font-size: 0.95rem; min-width: 0; grid-row: 1; grid-column: 1; }
      button.lang { padding: 0.2em 0.6em; grid-row: 1; grid-column: 2; }
      .tools { grid-column: 1 / -1; justify-content: flex-start; gap: 5px 6px; }
      :host([large-text]) h1 { font-size: var(--plan-header-font-size, 0.95rem); }
      .note { max-width: 100%; }
    }
  `;

  private onPanelSlotChange(event: Event): void {
    const slot = event.target as HTMLSlotElement;
    this.toggleAttribute('has-panel', slot.assignedElements().length > 0);
  }

  private switchLanguage(): void {
    const store = this.store;
    if (!store) return;
    const lang = store.getState().lang === 'zh' ? 'en' : 'zh';
    store.update((state) => setLanguage(state, lang));
    emit(this, 'plan-lang-change', lang);
  }

  override render() {
    const state = this.view.value;
    const lang = state?.lang ?? 'zh';
    const announcements = state?.announcements ?? [];
    const lastError = [...announcements].reverse().find((item: Announcement) => item.level === 'error');
    const lastInfo = [...announcements].reverse().find((item: Announcement) => item.level === 'info');
    return html`
      <header>
        <h1>${translate(lang, 'app.title')}</h1>
        <div class="tools"><slot name="toolbar"></slot></div>
        <button class="lang" lang=${lang === 'zh' ? 'en' : 'zh'} title=${translate(lang, 'app.lang.switchLabel')}
          @click=${this.switchLanguage}>${translate(lang, 'app.lang.switch')}</button>
      </header>
      <div class="panel"><slot name="panel" @slotchange=${this.onPanelSlotChange}></slot></div>
      <main class="map" aria-label=${translate(lang, 'app.mapLabel')}>
        <slot name="map"></slot>
        <div class="top">
          <slot name="map-top"></slot>
          <p class="note">${translate(lang, 'app.schematicNote')}</p>
        </div>
        ${lastError ? html`<div class="toast" aria-hidden="true">${lastError.text}</div>` : null}
      </main>
      <div class="sr-only" role="status" aria-live="polite" data-testid="status">${lastInfo?.text ?? ''}</div>
      <div class="sr-only" role="alert" data-testid="alert">${lastError?.text ?? ''}</div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-app': PlanApp;
  }
}
