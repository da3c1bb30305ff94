import { LitElement, css, html } from 'lit';
import { MODE_SECTIONS, sectionInMode } from '../../../state/modes.ts';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext } from '../../../state/store-context.ts';
import type { Store } from '../../../state/store.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import { StoreController } from '../../controllers/store.controller.ts';
import { translate } from '../../../i18n/messages.ts';
import type { MessageKey } from '../../../i18n/messages.ts';

/**
 * The side panel (a collapsible bottom sheet on phones). It holds `<plan-panel-section>` elements;
 * features add their own with `PlanSidePanel.addSection(...)` (or by appending a section element).
 *
 * @slot - `<plan-panel-section>` elements, ordered by their `order` property
 */
@customElement('plan-side-panel')
export class PlanSidePanel extends LitElement {
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: Store<PlanState> | undefined;

  /** phone only: the sheet shows just its bar */
  @property({ type: Boolean, reflect: true }) collapsed = false;

  private readonly language = new StoreController(this, () => this.store, (state: PlanState) => state.lang);
  private readonly mode = new StoreController(this, () => this.store, (state: PlanState) => state.mode);

  /** Shows the sections of the current mode only (sections added later are sorted in by the slot). */
  private applyMode(): void {
    const mode = this.mode.value ?? 'explore';
    for (const section of this.querySelectorAll('plan-panel-section')) {
      section.hidden = !sectionInMode(section.sectionId, mode);
      // the mode's own order (e.g. statistics first in Analyse); sections it does not list keep theirs
      const index = MODE_SECTIONS[mode].indexOf(section.sectionId);
      section.modeOrder = index >= 0 ? index * 10 : undefined;
    }
  }

  override updated(): void {
    this.applyMode();
  }

  static override styles = css`
    :host { display: block; }
    .bar { display: none; }
    .body { display: flex; flex-direction: column; }
    button {
      font: inherit; font-size: var(--plan-header-font-size, 0.9rem); width: 100%; text-align: left; padding: 0.5em 0.8em;
      background: #eef1f4; color: #14324a; border: 0; border-bottom: var(--plan-border-width, 1px) solid #6b7580; cursor: pointer;
    }
    button:focus-visible { outline: var(--plan-focus-width, 3px) solid #b45309; outline-offset: -3px; }
    @media (max-width: 700px) {
      .bar { display: block; position: sticky; top: 0; z-index: 1; }
      :host([collapsed]) .body { display: none; }
    }
  `;

  /**
   * Adds a section to the panel of `root` (the document by default).
   * @example PlanSidePanel.addSection({ id: 'stats', labelKey: 'stats.title', content: el, order: 30 })
   */
  static addSection(options: { id: string; labelKey: MessageKey; content: HTMLElement; order?: number; open?: boolean },
    root: ParentNode = document): PlanPanelSection | undefined {
    const panel = root.querySelector('plan-side-panel');
    if (!panel) return undefined;
    const section = document.createElement('plan-panel-section');
    section.sectionId = options.id;
    section.labelKey = options.labelKey;
    section.order = options.order ?? 100;
    section.open = options.open ?? true;
    section.append(options.content);
    panel.append(section);
    return section;
  }

  /** Opens the sheet (phone) and the section with this id, and scrolls it into view. */
  reveal(sectionId: string): void {
    this.collapsed = false;
    this.applyMode();
    const section = [...this.querySelectorAll('plan-panel-section')].find((item) => item.sectionId === sectionId);
    if (section) {
      section.open = true;
      section.scrollIntoView({ block: 'nearest' });
    }
  }

  override render() {
    const lang = this.language.value ?? 'zh';
    return html`
      <div class="bar">
        <button aria-expanded=${String(!this.collapsed)} aria-controls="body" @click=${() => { this.collapsed = !this.collapsed; }}>
          ${this.collapsed ? '▴' : '▾'} ${translate(lang, this.collapsed ? 'panel.expand' : 'panel.collapse')}
        </button>
      </div>
      <div class="body" id="body"><slot @slotchange=${() => this.applyMode()}></slot></div>
    `;
  }
}

/**
 * One collapsible section of the side panel, with a heading button.
 *
 * @slot - the section's content
 */
@customElement('plan-panel-section')
export class PlanPanelSection extends LitElement {
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: Store<PlanState> | undefined;

  @property({ attribute: 'section-id' }) sectionId = '';
  @property({ attribute: 'label-key' }) labelKey = '';
  @property({ type: Number }) order = 100;
  /** the place the current mode gives this section, if it lists it (set by the side panel) */
  @property({ attribute: false }) modeOrder: number | undefined;
  @property({ type: Boolean, reflect: true }) open = true;
  private readonly headingId = `section-${Math.random().toString(36).slice(2)}`;

  private readonly language = new StoreController(this, () => this.store, (state: PlanState) => state.lang);

  static override styles = css`
    :host { display: block; border-bottom: var(--plan-border-width, 1px) solid #d0ccc4; }
    h2 { margin: 0; font-size: 0.95rem; }
    button {
      font: inherit; font-weight: 600; width: 100%; text-align: left; background: #fff; color: #14324a;
      border: 0; padding: 0.55rem 0.75rem; cursor: pointer; display: flex; gap: 0.4rem; align-items: center;
    }
    button:hover { background: #f3f1ec; }
    button:focus-visible { outline: var(--plan-focus-width, 3px) solid #b45309; outline-offset: -3px; }
    .content { padding: 0 0.75rem 0.75rem; }
    :host(:not([open])) .content { display: none; }
    :host([hidden]) { display: none; }
  `;

  override updated(): void {
    this.style.order = String(this.modeOrder ?? this.order);
  }

  override render() {
    const lang = this.language.value ?? 'zh';
    return html`
      <h2 id=${this.headingId}>
        <button aria-expanded=${String(this.open)} aria-controls="content" @click=${() => { this.open = !this.open; }}>
          <span aria-hidden="true">${this.open ? '▾' : '▸'}</span>${translate(lang, this.labelKey as MessageKey)}
        </button>
      </h2>
      <div class="content" id="content" role="region" aria-labelledby=${this.headingId}><slot></slot></div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-side-panel': PlanSidePanel;
    'plan-panel-section': PlanPanelSection;
  }
}
