import { LitElement, css, html, nothing, unsafeCSS } from 'lit';
import { figuresNote, ILLUSTRATIVE_CSS } from '../illustrative-note.ts';
import { SCHEMATIC_BASIS } from '../../../state/basis.ts';
import type { Basis } from '../../../state/basis.ts';
import { customElement, property } from 'lit/decorators.js';
import { translate } from '../../../i18n/messages.ts';
import { formatNumber as sharedNumber, formatPercent as sharedPercent } from '../../../i18n/format.ts';
import type { Lang, MessageKey } from '../../../i18n/messages.ts';
import type { RegionFigures, TargetCheck } from '../../../core/analysis/types.ts';
import type { AnalysisIssueReason } from '../../../core/analysis/types.ts';
import { isDecided } from '../../../core/analysis/target-check.ts';
import { passAttribute, planTargetText, shareText, undecidedReason } from '../figure-verdict.ts';
import '../landuse/control-lines-conflicts.ts';

/** Message key of an analysis error reason (a generic message for the rarer ones). */
export function errorMessage(lang: Lang, reason: AnalysisIssueReason): string {
  const known: Partial<Record<AnalysisIssueReason, MessageKey>> = {
    'self-intersection': 'study.error.self-intersection',
    'too-few-points': 'study.error.too-few-points',
    'zero-area': 'study.error.zero-area',
  };
  const key = known[reason];
  return key ? translate(lang, key) : translate(lang, 'study.error.other', { reason });
}

/** 0..1 → "71.3%" (one decimal, src/i18n/format.ts); no ratio → the study's "no figure" text. */
export function formatPercent(lang: Lang, ratio: number | null): string {
  return sharedPercent(ratio, lang, translate(lang, 'study.noRatio'));
}

export function formatNumber(lang: Lang, value: number, digits: number): string {
  return sharedNumber(value, lang, digits);
}

/**
 * The live figures of one outline (study area or what-if cluster): area in km², ha and 亩, blue-green and
 * construction shares with their targets (pass / fail and by how much where the basis decides; elsewhere the
 * share as a lower bound, the plan's target and why there is no verdict), the partly-outside warning, and —
 * while the outline is invalid — the error with the last good figures kept (marked as such).
 * Raw values are in `data-value` attributes (km², ratios 0..1) for tests and copy-paste.
 */
@customElement('plan-study-figures')
export class PlanStudyFigures extends LitElement {
  @property({ attribute: false }) figures: RegionFigures | null = null;
  @property({ attribute: false }) error: AnalysisIssueReason | null = null;
  @property({ attribute: false }) language: Lang = 'zh';
  @property() heading = '';
  /** the data the figures come from, named beside them */
  @property({ attribute: false }) basis: Basis = SCHEMATIC_BASIS;

  static override styles = css`
    ${unsafeCSS(ILLUSTRATIVE_CSS)}
    :host { display: block; font-size: 0.88rem; }
    h3 { font-size: 0.9rem; margin: 0.5rem 0 0.3rem; }
    dl { display: grid; grid-template-columns: auto 1fr; gap: 0.2rem 0.6rem; margin: 0; }
    dt { color: #4b5563; }
    dd { margin: 0; font-variant-numeric: tabular-nums; }
    .units { color: #4b5563; font-size: 0.8rem; }
    .check { display: inline-block; font-size: 0.78rem; border-radius: 3px; padding: 0 0.3rem; margin-left: 0.3rem; }
    .pass { background: #dcfce7; color: #14532d; }
    .fail { background: #fee2e2; color: #7f1d1d; }
    .undecided { background: #eef2f6; color: #3e4c59; }
    .target { color: #4b5563; font-size: 0.78rem; }
    .warning { background: #fef3c7; color: #78350f; padding: 0.3rem 0.45rem; border-radius: 3px; margin: 0.35rem 0; }
    .error { background: #fee2e2; color: #7f1d1d; padding: 0.3rem 0.45rem; border-radius: 3px; margin: 0.35rem 0; }
    .stale dl { opacity: 0.6; }
  `;

  private ratio(label: MessageKey, ratio: number | null, check: TargetCheck, testId: string) {
    const lang = this.language;
    const margin = check.marginPoints === null ? '' : formatNumber(lang, Math.abs(check.marginPoints), 1);
    const targetText = translate(lang, check.op === '>=' ? 'study.target.min' : 'study.target.max', { target: formatPercent(lang, check.target) });
    let verdict;
    if (ratio === null) verdict = nothing;
    else if (isDecided(check)) {
      verdict = html`<span class="check ${check.pass ? 'pass' : 'fail'}"
          data-testid=${`${testId}-check`} data-pass=${String(check.pass)}>${check.pass ? '✓' : '✗'}
          ${translate(lang, check.pass ? 'study.pass' : 'study.fail', { margin })}</span>`;
    } else {
      // No verdict where the basis does not decide: the share is a lower bound, the target the plan's.
      verdict = html`<span class="check undecided" data-testid=${`${testId}-check`} data-pass="unknown">${translate(lang, 'verdict.noneReason', { reason: undecidedReason(lang, this.basis, this.figures) })}</span>`;
    }
    return html`
      <dt>${translate(lang, label)}</dt>
      <dd data-testid=${testId} data-value=${ratio === null ? '' : String(ratio)} data-pass=${passAttribute(check)}>
        <strong>${shareText(lang, ratio, check, translate(lang, 'study.noRatio'))}</strong>
        <span class="target">${isDecided(check) ? targetText : planTargetText(lang, check)}</span>
        ${verdict}
        ${figuresNote(lang, this.basis)}
      </dd>`;
  }

  override render() {
    const { figures, error, language: lang } = this;
    const reasons = new Set(figures?.issues.map((issue) => issue.reason) ?? []);
    return html`
      <div class=${error && figures ? 'stale' : ''} data-testid="study-figures">
        ${this.heading ? html`<h3>${this.heading}</h3>` : nothing}
        ${error ? html`<p class="error" data-testid="study-error">${errorMessage(lang, error)}
          ${figures ? html`<br>${translate(lang, 'study.stale')}` : nothing}</p>` : nothing}
        ${figures ? html`
          ${reasons.has('outside-boundary') ? html`<p class="warning" data-testid="study-outside">${translate(lang, 'study.outside')}</p>` : nothing}
          ${reasons.has('partly-outside-boundary') ? html`<p class="warning" data-testid="study-partly-outside">${translate(lang, 'study.partlyOutside', { inside: formatNumber(lang, figures.insideAreaKm2, 2) })}</p>` : nothing}
          <dl>
            <dt>${translate(lang, 'study.area')}</dt>
            <dd data-testid="study-area" data-value=${String(figures.areaKm2)}>
              <strong>${formatNumber(lang, figures.areaKm2, 2)} ${translate(lang, 'study.unit.km2')}</strong><br>
              <span class="units">${formatNumber(lang, figures.areaHa, 0)} ${translate(lang, 'study.unit.ha')} ·
                ${formatNumber(lang, figures.areaMu, 0)} ${translate(lang, 'study.unit.mu')}</span>
            </dd>
            ${this.ratio('study.blueGreen', figures.blueGreenRatio, figures.blueGreenTarget, 'study-blue-green')}
            ${this.ratio('study.construction', figures.constructionRatio, figures.constructionTarget, 'study-construction')}
            ${figures.landUse ? html`<dt>${translate(lang, 'study.notCovered')}</dt>
              <dd data-testid="study-not-covered" data-value=${String(figures.landUse.notCoveredKm2)}>${formatNumber(lang, figures.landUse.notCoveredKm2, 2)} ${translate(lang, 'study.unit.km2')}</dd>` : nothing}
          </dl>
          <plan-control-line-conflicts .conflicts=${figures.landUse?.conflicts} .language=${lang}></plan-control-line-conflicts>` : nothing}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-study-figures': PlanStudyFigures;
  }
}
