import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext } from '../../../state/store-context.ts';
import type { Store } from '../../../state/store.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import { initialControlLinesState, type ControlLineChoice, type ControlLinesState } from '../../../state/control-lines-state.ts';
import { StoreController } from '../../controllers/store.controller.ts';
import { emit } from '../../events.ts';
import { chosenFileNames, chosenFilesText, fileChoiceStyles, openFileChooser } from '../display/file-choice.ts';
import { translate, type Lang } from '../../../i18n/messages.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { CONTROL_LINE_ROLES } from '../../../core/landuse/control-line-names.ts';
import { CONTROL_LINE_STYLES } from '../../../core/landuse/control-line-styles.ts';

const NONE = initialControlLinesState();

/**
 * The three control lines (三区三线): a chooser for a delivery (zip, folder, GeoPackage), the question when a
 * layer's role cannot be told (a role or ignore per layer) or a dropped delivery holds both lines and a land-use
 * layer, the lines in force (name, role, how recognised, polygons, area), the reading's messages and the switch
 * that shows them on the map. File names are rendered as text. Reads `state.controlLines` and the language.
 * @fires plan-control-lines-files - files were chosen
 * @fires plan-control-lines-role - a role (or ignore) for a layer asked about
 * @fires plan-control-lines-kind - a mixed delivery read as control lines or as a land-use layer
 * @fires plan-control-lines-cancel - the question dropped
 * @fires plan-control-lines-display - the lines shown or hidden
 * @fires plan-control-lines-remove - the lines removed
 */
@customElement('plan-control-lines-panel')
export class PlanControlLinesPanel extends LitElement {
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: Store<PlanState> | undefined;

  private readonly slice = new StoreController(this, () => this.store, (s: PlanState) => s.controlLines);
  private readonly languageState = new StoreController(this, () => this.store, (s: PlanState) => s.lang);
  private get lines(): ControlLinesState { return this.slice.value ?? NONE; }
  private get language(): Lang { return this.languageState.value ?? 'zh'; }

  /** names of the files last chosen */
  @state() private chosen: string[] = [];

  static override styles = [fileChoiceStyles, css`
    :host { display: block; padding: 0.5rem 0.75rem; font-size: 0.875rem; }
    button, select { font: inherit; font-size: 0.8rem; }
    button { padding: 0.2rem 0.5rem; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff; color: #14324a; cursor: pointer; }
    button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
    ul { list-style: none; margin: 0; padding: 0; }
    .hint, .tag { color: #52606d; font-size: 0.8rem; }
    .messages li { border-left: 4px solid #b91c1c; background: #fef2f2; padding: 0.3rem 0.4rem; margin: 0.25rem 0; overflow-wrap: anywhere; }
    .messages li.warning { border-color: #b45309; background: #fffbeb; }
    .messages li.notice, .messages li.info { border-color: #2563eb; background: #eff6ff; }
    .waiting { border: 2px solid #b45309; border-radius: 4px; padding: 0.3rem 0.5rem; margin: 0.4rem 0; background: #fffbeb; }
    .waiting h3 { margin: 0.1rem 0 0.3rem; font-size: 0.9rem; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0.3rem 0; }
    .lines li { margin: 0.3rem 0; overflow-wrap: anywhere; }
    .swatch { display: inline-block; width: 1.4rem; height: 0; border-top-width: 3px; vertical-align: middle; margin-right: 0.3rem; }
    label { display: block; margin: 0.3rem 0; }
  `];

  private onFiles(event: Event): void {
    this.chosen = chosenFileNames(event);
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])].map((file) => (file.webkitRelativePath ? new File([file], file.webkitRelativePath, { type: file.type, lastModified: file.lastModified }) : file));
    if (files.length > 0) emit(this, 'plan-control-lines-files', { files });
    input.value = '';
  }

  private renderQuestion(lang: Lang, slice: ControlLinesState) {
    if (slice.mixed) {
      return html`<div class="waiting" role="group" data-testid="control-lines-mixed">
        <h3>${translate(lang, 'controlLines.mixed', { name: slice.mixed.name })}</h3>
        <div class="actions">
          <button type="button" data-kind="control-lines" @click=${() => emit(this, 'plan-control-lines-kind', { kind: 'control-lines' })}>${translate(lang, 'controlLines.mixed.lines')}</button>
          <button type="button" data-kind="land-use" @click=${() => emit(this, 'plan-control-lines-kind', { kind: 'land-use' })}>${translate(lang, 'controlLines.mixed.landuse')}</button>
        </div></div>`;
    }
    if (!slice.question) return nothing;
    const choose = (id: string, event: Event) => {
      const value = (event.target as HTMLSelectElement).value;
      emit(this, 'plan-control-lines-role', { id, choice: value === '' ? null : value as ControlLineChoice });
    };
    return html`<div class="waiting" role="group" data-testid="control-lines-question">
      <h3>${translate(lang, 'controlLines.askRole')}</h3>
      ${slice.question.layers.map((layer) => html`<label data-layer=${layer.id}>${layer.name}
        <select data-testid="control-line-role" @change=${(event: Event) => choose(layer.id, event)}>
          <option value="" ?selected=${layer.choice === null}>${translate(lang, 'controlLines.choice.none')}</option>
          ${CONTROL_LINE_ROLES.map((role) => html`<option value=${role} ?selected=${layer.choice === role}>${translate(lang, `controlLines.role.${role}`)}</option>`)}
          <option value="ignore" ?selected=${layer.choice === 'ignore'}>${translate(lang, 'controlLines.choice.ignore')}</option>
        </select></label>`)}
      <div class="actions"><button type="button" @click=${() => emit(this, 'plan-control-lines-cancel', null)}>${translate(lang, 'controlLines.cancel')}</button></div>
    </div>`;
  }

  override render() {
    const lang = this.language;
    const slice = this.lines;
    return html`
      <p class="hint">${translate(lang, 'controlLines.hint')}</p>
      <div class="file-choice">
        <button type="button" class="choose-file" aria-describedby="control-lines-file-name" ?disabled=${slice.reading} @click=${openFileChooser}>${translate(lang, 'controlLines.choose')}</button>
        <span class="file-name" id="control-lines-file-name">${chosenFilesText(lang, this.chosen)}</span>
        <input type="file" hidden multiple data-testid="control-lines-file" aria-label=${translate(lang, 'controlLines.choose')}
          accept=".zip,.shp,.shx,.dbf,.prj,.cpg,.geojson,.json,.gpkg" ?disabled=${slice.reading} @change=${this.onFiles}>
      </div>
      <div class="file-choice">
        <button type="button" class="choose-file" ?disabled=${slice.reading} @click=${openFileChooser}>${translate(lang, 'controlLines.chooseFolder')}</button>
        <input type="file" hidden webkitdirectory data-testid="control-lines-folder" aria-label=${translate(lang, 'controlLines.chooseFolder')} ?disabled=${slice.reading} @change=${this.onFiles}>
      </div>
      ${slice.reading ? html`<p role="status" data-testid="control-lines-reading">${translate(lang, 'controlLines.readingNow')}</p>` : nothing}
      ${this.renderQuestion(lang, slice)}
      ${slice.lines.length > 0 ? html`
        <ul class="lines" data-testid="control-lines-list">
          ${slice.lines.map((line) => html`<li data-role=${line.role} data-by=${line.by}>
            <span class="swatch" style="border-top-style:${CONTROL_LINE_STYLES[line.role].dashed ? 'dashed' : 'solid'};border-top-color:${CONTROL_LINE_STYLES[line.role].colour}" aria-hidden="true"></span>
            <strong>${translate(lang, `controlLines.role.${line.role}`)}</strong> · ${line.name}
            <span class="tag">${translate(lang, `controlLines.by.${line.by}`)} · ${translate(lang, 'controlLines.layerFigures', { count: line.parcelCount, km2: formatNumber(line.areaSquareMeters / 1e6, lang, 3) })}</span>
          </li>`)}
        </ul>
        <label><input type="checkbox" data-testid="control-lines-visible" .checked=${slice.visible}
          @change=${(event: Event) => emit(this, 'plan-control-lines-display', { visible: (event.target as HTMLInputElement).checked })}> ${translate(lang, 'controlLines.show')}</label>
        <div class="actions"><button type="button" data-testid="control-lines-remove" ?disabled=${slice.reading}
          @click=${() => emit(this, 'plan-control-lines-remove', null)}>${translate(lang, 'controlLines.remove')}</button></div>` : nothing}
      ${slice.messages.length > 0 ? html`<ul class="messages" data-testid="control-lines-messages">
        ${slice.messages.map((message) => html`<li class=${message.severity}>${message.text}</li>`)}</ul>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-control-lines-panel': PlanControlLinesPanel;
  }
}
