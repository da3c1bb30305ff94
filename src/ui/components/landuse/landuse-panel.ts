import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { emit } from '../../events.ts';
import { chosenFileNames, chosenFilesText, fileChoiceStyles, openFileChooser } from '../display/file-choice.ts';
import { translate, type Lang } from '../../../i18n/messages.ts';
import { formatNumber } from '../../../i18n/format.ts';
import type { LandUseLayerSummary } from '../../../data/landuse/landuse-protocol.ts';
import type { LandUseCoverage } from '../../../core/analysis/types.ts';
import { CLASSIFICATION_TABLES, LAND_USE_GROUPS, type LandUseGroup } from '../../../core/landuse/classes.ts';
import { ATTRIBUTE_ENCODINGS, type AttributeEncoding } from '../../../data/landuse/dbf-encoding.ts';
import { KNOWN_CRS } from '../../../data/landuse/crs.ts';

/**
 * The planner's own land-use layer: file picker (a zipped Shapefile, its loose parts, or GeoJSON), what was
 * read (encoding with sample names, coordinate system, classification; each can be changed), the messages,
 * the class table (standard colour, code, name, group, parcels, area in the Start-up Area), "Use for
 * indicators" (the figures themselves are in the indicator bar and every panel).
 * Every string from a file is rendered as text.
 * @fires plan-landuse-files - files were chosen
 * @fires plan-landuse-settings - encoding, coordinate system or a class group was changed
 * @fires plan-landuse-use - use the layer for the indicators, or go back to the schematic layers
 */
@customElement('plan-landuse-panel')
export class PlanLandUsePanel extends LitElement {
  @property({ attribute: false }) language: Lang = 'zh';
  @property({ attribute: false }) summary: LandUseLayerSummary | null = null;
  @property({ attribute: false }) messages: { severity: string; text: string }[] = [];
  /** what the layer covers inside the Start-up Area, per class (computed once the layer is read) */
  @property({ attribute: false }) coverage: LandUseCoverage | null = null;
  @property({ type: Boolean }) busy = false;
  /** share of the reading done while busy (0..1) */
  @property({ attribute: false }) progress = 0;
  @property({ type: Boolean, attribute: 'in-use' }) inUse = false;

  static override styles = [fileChoiceStyles, css`
    :host { display: block; padding: 0.5rem 0.75rem; font-size: 0.875rem; }
    button, select { font: inherit; font-size: 0.8rem; }
    button { padding: 0.2rem 0.5rem; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff; color: #14324a; cursor: pointer; }
    button.primary { background: #14324a; color: #fff; }
    button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
    ul { list-style: none; margin: 0; padding: 0; }
    .messages li { border-left: 4px solid #b91c1c; background: #fef2f2; padding: 0.3rem 0.4rem; margin: 0.25rem 0; overflow-wrap: anywhere; }
    .messages li.warning { border-color: #b45309; background: #fffbeb; }
    .messages li.notice { border-color: #2563eb; background: #eff6ff; }
    label { display: block; margin: 0.3rem 0; }
    .samples, .hint { color: #52606d; font-size: 0.8rem; }
    table { border-collapse: collapse; width: 100%; font-size: 0.8rem; }
    th, td { text-align: left; padding: 0.15rem 0.25rem; border-bottom: 1px solid #e4e7eb; }
    td.number { text-align: right; font-variant-numeric: tabular-nums; }
    .swatch { display: inline-block; width: 0.9rem; height: 0.9rem; border: 1px solid #52606d; vertical-align: middle; }
  `];

  /** names of the files last chosen (shown beside the chooser) */
  @state() private chosen: string[] = [];

  private onFiles(event: Event): void {
    this.chosen = chosenFileNames(event);
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    if (files.length > 0) emit(this, 'plan-landuse-files', { files });
    input.value = '';
  }

  private renderSummary(lang: Lang, summary: LandUseLayerSummary) {
    const areaOf = (key: string) => this.coverage?.classes.find((row) => row.key === key)?.areaKm2;
    const crsOptions = KNOWN_CRS.some((crs) => crs.id === summary.crs.crs?.id) ? KNOWN_CRS : [...KNOWN_CRS, ...(summary.crs.crs ? [summary.crs.crs] : [])];
    return html`
      <h3>${summary.name}</h3>
      ${summary.encoding ? html`<label>${translate(lang, 'landuse.encoding')}
        <select data-testid="landuse-encoding" @change=${(event: Event) => emit(this, 'plan-landuse-settings', { encoding: (event.target as HTMLSelectElement).value as AttributeEncoding })}>
          ${ATTRIBUTE_ENCODINGS.map((encoding) => html`<option value=${encoding} ?selected=${encoding === summary.encoding?.encoding}>${encoding.toUpperCase()}</option>`)}
        </select></label>
        <div class="samples" data-testid="landuse-samples">${translate(lang, 'landuse.encoding.samples', { names: summary.sampleNames.join('、') || '—' })}</div>` : nothing}
      <label>${translate(lang, 'landuse.crs')}
        <select data-testid="landuse-crs" @change=${(event: Event) => emit(this, 'plan-landuse-settings', { crsId: (event.target as HTMLSelectElement).value })}>
          ${crsOptions.map((crs) => html`<option value=${crs.id} ?selected=${crs.id === summary.crs.crs?.id}>${crs.label}</option>`)}
        </select></label>
      <div>${translate(lang, 'landuse.system')}: ${summary.choice ? `${translate(lang, `landuse.system.${summary.choice.system}`)} (${summary.choice.codeField}${summary.choice.nameField ? ` / ${summary.choice.nameField}` : ''})` : '—'}</div>
      ${summary.choice ? html`<details><summary>${translate(lang, 'landuse.rule')}</summary>
        <p class="hint">${lang === 'zh' ? CLASSIFICATION_TABLES[summary.choice.system].groupRuleZh : CLASSIFICATION_TABLES[summary.choice.system].groupRule}</p></details>` : nothing}
      <button class="primary" data-testid="landuse-use" aria-pressed=${this.inUse ? 'true' : 'false'}
        @click=${() => emit(this, 'plan-landuse-use', { use: !this.inUse })}>${translate(lang, this.inUse ? 'landuse.useSchematic' : 'landuse.useForIndicators')}</button>
      <table>
        <thead><tr><th></th><th>${translate(lang, 'landuse.table.code')}</th><th>${translate(lang, 'landuse.table.name')}</th><th>${translate(lang, 'landuse.table.group')}</th><th>${translate(lang, 'landuse.table.parcels')}</th><th>km²</th></tr></thead>
        <tbody>${summary.classes.map((row) => html`<tr data-class=${row.key}>
          <td><span class="swatch" style="background:${row.landUseClass?.colour ?? '#9e9e9e'}"></span></td>
          <td>${row.landUseClass?.code ?? '—'}</td>
          <td>${row.landUseClass ? (lang === 'zh' ? row.landUseClass.name : row.landUseClass.nameEn) : translate(lang, 'landuse.group.unclassified')}</td>
          <td>${row.landUseClass ? html`<select aria-label=${translate(lang, 'landuse.table.group')}
              @change=${(event: Event) => emit(this, 'plan-landuse-settings', { group: { key: row.key, group: (event.target as HTMLSelectElement).value as LandUseGroup } })}>
              ${LAND_USE_GROUPS.map((group) => html`<option value=${group} ?selected=${group === row.group}>${translate(lang, `landuse.group.${group}`)}</option>`)}
            </select>` : translate(lang, 'landuse.group.unclassified')}</td>
          <td class="number">${row.parcelCount}</td>
          <td class="number">${areaOf(row.key) === undefined ? '—' : formatNumber(areaOf(row.key)!, lang, 2)}</td>
        </tr>`)}</tbody>
      </table>`;
  }

  override render() {
    const lang = this.language;
    return html`
      <div class="file-choice">
        <button type="button" class="choose-file" aria-describedby="landuse-file-name" ?disabled=${this.busy} @click=${openFileChooser}>${translate(lang, 'landuse.choose')}</button>
        <span class="file-name" id="landuse-file-name">${chosenFilesText(lang, this.chosen)}</span>
        <input type="file" hidden multiple data-testid="landuse-file" aria-label=${translate(lang, 'landuse.choose')}
          accept=".zip,.shp,.shx,.dbf,.prj,.cpg,.geojson,.json" ?disabled=${this.busy} @change=${this.onFiles}>
      </div>
      <p class="hint">${translate(lang, 'landuse.hint')}</p>
      ${this.busy ? html`<progress max="1" .value=${this.progress} aria-label=${translate(lang, 'landuse.choose')}></progress>` : nothing}
      ${this.messages.length > 0 ? html`<ul class="messages" aria-live="polite">${this.messages.map((message) => html`<li class=${message.severity}>${message.text}</li>`)}</ul>` : nothing}
      ${this.summary ? this.renderSummary(lang, this.summary) : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-landuse-panel': PlanLandUsePanel;
  }
}
