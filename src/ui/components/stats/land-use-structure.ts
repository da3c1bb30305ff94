import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DEVELOPMENT_INTENSITY_DEFINITION, type LandUseStructure } from '../../../core/landuse/structure-table.ts';
import { formatArea, formatNumber, formatPercent } from '../../../i18n/format.ts';
import { translate, type Lang } from '../../../i18n/messages.ts';
import { downloadBlob } from '../../download.ts';
import { structureCsv, structureDisplayRows, structureRowName } from './land-use-structure-rows.ts';

/** The CSV file name of the structure table export. */
export const STRUCTURE_CSV_FILE = 'startup-area-landuse-structure.csv';

/**
 * One region's land-use structure table (用地结构表): a row per class (`data-class-code`, `data-area-m2`: m² inside
 * the region) under its first-level subtotal (`data-first-level`), subtotals by indicator group (`data-group`), and
 * the development intensity (`data-indicator="development-intensity"`, `data-value`, `data-upper`, `data-decided`)
 * with its definition and source. Renders what it is given; writes nothing.
 */
@customElement('plan-landuse-structure')
export class PlanLandUseStructure extends LitElement {
  @property({ attribute: false }) structure: LandUseStructure | null = null;
  @property({ attribute: false }) language: Lang = 'zh';
  /** the region's name as shown (and written in the CSV) */
  @property({ attribute: false }) regionName = '';
  /** the basis named on every CSV row */
  @property({ attribute: false }) basisName = '';

  static override styles = css`
    :host { display: block; }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-size: 0.76rem; }
    caption { text-align: left; font-size: 0.78rem; color: #4a5561; padding-bottom: 0.25rem; }
    th, td { padding: 0.15rem 0.3rem; border-bottom: 1px solid #e6e2da; text-align: left; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    tr.first-level th, tr.first-level td { font-weight: 600; background: #f4f1ec; }
    tr.class th { font-weight: 400; padding-left: 0.9rem; }
    .intensity { margin: 0.5rem 0; padding: 0.3rem 0.5rem; border-left: 3px solid #8a5a44; background: #f8f3ef; }
    .intensity strong { font-variant-numeric: tabular-nums; }
    .hint { font-size: 0.76rem; color: #4a5561; margin: 0.3rem 0; }
    details { font-size: 0.76rem; color: #4a5561; }
    summary { cursor: pointer; color: #14324a; }
    .structure-export {
      font: inherit; margin-top: 0.5rem; padding: 0.35rem 0.7rem; background: #14324a; color: #fff; border: 0;
      border-radius: 4px; cursor: pointer;
    }
    button:focus-visible, summary:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
    .error { color: #991b1b; }
  `;

  /** The table as CSV, in the current language. */
  csvText(): string {
    return this.structure ? structureCsv(this.structure, this.language, this.regionName, this.basisName) : '';
  }

  private exportCsv(): void {
    downloadBlob(this.csvText(), STRUCTURE_CSV_FILE, 'text/csv;charset=utf-8');
  }

  private renderIntensity(lang: Lang, structure: LandUseStructure) {
    const intensity = structure.developmentIntensity;
    const text = intensity.decided
      ? translate(lang, 'structure.intensity.value', { value: formatPercent(intensity.value, lang) })
      : translate(lang, 'structure.intensity.range', {
        low: formatPercent(intensity.value, lang), high: formatPercent(intensity.upperBound, lang),
        unknown: formatArea(intensity.unknownSquareMeters, 'km2', lang),
      });
    const definition = DEVELOPMENT_INTENSITY_DEFINITION;
    return html`
      <div class="intensity" data-indicator="development-intensity" data-value=${intensity.value === null ? '' : String(intensity.value)}
        data-upper=${intensity.upperBound === null ? '' : String(intensity.upperBound)} data-decided=${String(intensity.decided)}
        data-area-m2=${String(intensity.constructionSquareMeters)}>
        ${translate(lang, 'structure.intensity')}: <strong>${text}</strong>
        ${structure.overlapSuspected ? html`<p class="error">${translate(lang, 'structure.intensity.overlap')}</p>` : nothing}
        <p class="hint">${translate(lang, 'structure.intensity.distinct', { share: formatPercent(structure.urbanConstructionShare, lang) })}</p>
        <details><summary>${translate(lang, 'structure.intensity.definition')}</summary>
          <p>${lang === 'zh' ? definition.definitionZh : definition.definition}</p>
          <p>${lang === 'zh' ? definition.sourceZh : definition.source}</p>
        </details>
      </div>`;
  }

  override render() {
    const lang = this.language;
    const structure = this.structure;
    if (!structure) return html`<p class="hint">${translate(lang, 'structure.none')}</p>`;
    const cells = (m2: number, share: number | null) => html`
      <td class="num">${formatNumber(m2 / 1e6, lang, 4)}</td>
      <td class="num">${formatNumber(m2 / 1e4, lang, 2)}</td>
      <td class="num">${formatNumber(m2 / (10000 / 15), lang, 1)}</td>
      <td class="num">${formatPercent(share, lang)}</td>`;
    return html`
      ${this.renderIntensity(lang, structure)}
      <div class="table-wrap">
        <table data-testid="landuse-structure">
          <caption>${translate(lang, 'structure.caption', { region: this.regionName, area: formatArea(structure.regionAreaSquareMeters, 'km2', lang) })}</caption>
          <thead><tr>
            <th scope="col">${translate(lang, 'structure.col.code')}</th>
            <th scope="col">${translate(lang, 'structure.col.name')}</th>
            <th scope="col" class="num">${translate(lang, 'structure.col.km2')}</th>
            <th scope="col" class="num">${translate(lang, 'structure.col.ha')}</th>
            <th scope="col" class="num">${translate(lang, 'structure.col.mu')}</th>
            <th scope="col" class="num">${translate(lang, 'structure.col.share')}</th>
          </tr></thead>
          <tbody>
            ${structureDisplayRows(structure).map((item) => item.kind === 'first-level'
              ? html`<tr class="first-level" data-first-level=${item.subtotal.code} data-area-m2=${String(item.subtotal.areaSquareMeters)}>
                  <td>${item.subtotal.code}</td>
                  <th scope="row">${translate(lang, 'structure.firstLevel', { name: lang === 'zh' ? item.subtotal.nameZh : item.subtotal.nameEn })}</th>
                  ${cells(item.subtotal.areaSquareMeters, item.subtotal.share)}</tr>`
              : html`<tr class="class" data-class-code=${item.row.code ?? ''} data-system=${item.row.system ?? ''} data-area-m2=${String(item.row.areaSquareMeters)}
                  data-construction-land=${item.row.constructionLand === null ? 'unknown' : String(item.row.constructionLand)}>
                  <td>${item.row.code ?? ''}</td>
                  <th scope="row">${structureRowName(item.row, lang)}</th>
                  ${cells(item.row.areaSquareMeters, item.row.share)}</tr>`)}
          </tbody>
          <tbody>
            <tr><th scope="rowgroup" colspan="6">${translate(lang, 'structure.groups')}</th></tr>
            ${structure.groups.map((group) => html`<tr data-group=${group.group} data-area-m2=${String(group.areaSquareMeters)}>
              <td></td><th scope="row">${translate(lang, `structure.group.${group.group}`)}</th>${cells(group.areaSquareMeters, group.share)}</tr>`)}
          </tbody>
        </table>
      </div>
      <button type="button" class="structure-export" @click=${this.exportCsv}>${translate(lang, 'structure.exportCsv')}</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-landuse-structure': PlanLandUseStructure;
  }
}
