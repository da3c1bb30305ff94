/**
 * Two land-use states: a layer read while another is in force is OFFERED as the other state of the plan (现状 or
 * 规划) instead of replacing it (the session hands it over through `offerSecond`). The planner chooses: as 规划 /
 * as 现状 (the land-use worker of the layer in force reads its files beside that layer and overlays the two), replace
 * the current layer (the session's usual acceptance), or drop it. A layer with no recognised classes cannot be a
 * state: it is refused with a message and the first state and the figures stay. The transition matrix (现状 → 规划)
 * is computed in that worker — asked through the figures client of the `landuse` basis (`services.figures`), as every
 * figure is — at the level asked (groups, or first-level classes), and written to
 * `state.landuse.second` for the statistics and compare (现状 on the left, 规划 on the right, the matrix beside). When the layer in force leaves its worker (replaced,
 * removed), the second state goes with it. A second state with its role is saved (its files, settings, role and
 * matrix level: src/data/landuse/second-state-saved.ts) until it is removed or goes; ./second-state-restore.ts reads
 * it again at the next visit.
 */
import type { Lifetime } from '../shell/lifetime.ts';
import type { PlanState } from '../../state/plan-state.ts';
import { announce } from '../../state/plan-state.ts';
import type { Store } from '../../state/store.ts';
import { onLandUse, type LandUseState } from '../../state/landuse-state.ts';
import { setMode, startCompare } from '../../state/actions.ts';
import {
  chooseStateRole, dropSecondState, offerSecondState, secondStateReady, setTransitionLevel, setTransitionMatrix, transitionFailed,
  type StateRole,
} from '../../state/landuse-second-state.ts';
import type { TransitionLevel } from '../../core/landuse/transition-matrix.ts';
import type { LandUseClient } from '../../data/landuse/landuse-client.ts';
import type { LandUseStateResult } from '../../data/landuse/landuse-states-protocol.ts';
import { describeLandUseIssue } from '../../data/landuse/describe-issue.ts';
import { RequestError } from '../../data/requests/index.ts';
import { translate } from '../../i18n/messages.ts';
import { clearSecondState, saveSecondState } from '../../data/landuse/second-state-saved.ts';
import { loadLandUse } from '../../data/landuse/landuse-saved.ts';
import { savedFiles, savedFileSizes } from '../../data/landuse/saved-records.ts';
import type { LandUseLayerSettings } from '../../data/landuse/prepare-landuse-layer.ts';
import type { LandUseSession, SecondStateOffer } from './landuse-session.ts';
import type { FiguresService } from '../analysis/figures-service.ts';
import type { LandUseFiguresClient } from './landuse-figures-client.ts';

export class LandUseStates {
  private offer: SecondStateOffer | undefined;
  /** the second state in the worker of the layer in force, and its files and settings (what is saved) */
  private held: { client: LandUseClient; state: number; files: File[]; settings: LandUseLayerSettings } | undefined;
  private reading = 0;
  private asking: AbortController | undefined;

  constructor(
    private readonly store: Store<PlanState>, session: LandUseSession, private readonly life: Lifetime,
    private readonly figures: FiguresService,
  ) {
    session.offerSecond = (offer) => this.offered(offer);
    life.add(() => {
      session.offerSecond = undefined;
      this.asking?.abort();
      this.offer?.drop();
    });
    // The layer in force changed (a new classification, another layer): the matrix is asked again, or the second
    // state goes when its worker went.
    life.add(store.select((state) => state.landuse.summary, () => this.follow()));
  }

  /** The figures client of the layer in force (the land-use basis), which reads the second state and the matrix in its worker. */
  private inForce(): LandUseFiguresClient | undefined {
    return this.figures.now('landuse') as LandUseFiguresClient | undefined;
  }

  private set(action: (slice: LandUseState) => LandUseState): void {
    if (!this.life.disposed) this.store.update((state) => onLandUse(state, action));
  }

  private say(level: 'info' | 'error', text: (state: PlanState) => string): void {
    if (!this.life.disposed) this.store.update((state) => announce(state, level, text(state)));
  }

  private offered(offer: SecondStateOffer): boolean {
    const { summary, data, overview } = offer.result;
    if (!summary.choice) {
      // No recognised classes: it cannot be a state, and it does not replace the first either.
      offer.drop();
      this.say('error', (state) => translate(state.lang, 'landuse.states.noClasses', { name: summary.name, current: state.landuse.summary?.name ?? '' }));
      return true;
    }
    // a new offer replaces an earlier offer or second state (a saved second state goes with it)
    this.drop(this.held !== undefined);
    this.offer = offer;
    this.set((slice) => offerSecondState(slice, summary, data, overview));
    this.say('info', (state) => translate(state.lang, 'landuse.states.offered', { name: summary.name, current: state.landuse.summary?.name ?? '' }));
    return true;
  }

  /** The planner's answer to the offer, or a new role for the second state. */
  async choose(choice: StateRole | 'replace' | 'drop' | 'compare'): Promise<void> {
    const offer = this.offer;
    if (choice === 'drop') return this.drop();
    if (choice === 'compare') return this.compare();
    if (choice === 'replace') {
      if (!offer) return;
      this.offer = undefined;
      this.set(dropSecondState);
      this.held = undefined;
      return offer.replace();
    }
    this.set((slice) => chooseStateRole(slice, choice));
    if (this.held) {
      void this.persist();
      return this.ask();
    }
    const inForce = this.inForce();
    if (!offer || !inForce) return;
    this.offer = undefined;
    offer.drop();
    const reading = ++this.reading;
    const name = offer.result.summary.name;
    this.say('info', (state) => translate(state.lang, 'landuse.states.reading', { name, role: translate(state.lang, `landuse.states.role.${choice}`) }));
    let result: LandUseStateResult;
    try {
      result = await inForce.readState(offer.files, offer.settings);
    } catch (error) {
      result = { ok: false, issues: [{ code: 'internal', severity: 'error', params: { detail: error instanceof Error ? error.message : String(error) } }] };
    }
    if (reading !== this.reading || this.life.disposed) return;
    if (!result.ok || !result.classified) {
      const lang = this.store.getState().lang;
      const detail = result.ok ? translate(lang, 'landuse.states.noClasses', { name }) : result.issues.filter((issue) => issue.severity === 'error').map((issue) => describeLandUseIssue(issue, lang)).join(' ');
      this.set(dropSecondState);
      this.say('error', (state) => translate(state.lang, 'landuse.states.failed', { name, detail }));
      return;
    }
    this.held = { client: inForce.worker.client, state: result.state, files: offer.files, settings: offer.settings };
    this.set((slice) => secondStateReady(slice, offer.result.summary));
    void this.persist();
    await this.ask();
  }

  /** Compare 现状 (left) | 规划 (right), both drawn from their land-use layers; the compare panel shows the matrix. */
  private compare(): void {
    const second = this.store.getState().landuse.second;
    if (!second?.role || second.status !== 'ready') return;
    const side = (landuse: 'first' | 'second') => ({ basis: 'landuse' as const, whatIf: false, year: this.store.getState().year, landuse });
    const [left, right] = second.role === 'plan' ? [side('first'), side('second')] : [side('second'), side('first')];
    this.store.update((state) => setMode(startCompare(state, { left, right }), 'analyse'));
  }

  /** By group or by first-level class. */
  level(level: TransitionLevel): Promise<void> {
    this.set((slice) => setTransitionLevel(slice, level));
    void this.persist();
    return this.ask();
  }

  /** The second state is removed (or the offer declined): the first stays as it is. `forget`: the saved one too. */
  drop(forget = true): void {
    if (forget) void clearSecondState();
    this.reading++;
    this.asking?.abort();
    this.offer?.drop();
    this.offer = undefined;
    this.held = undefined;
    this.set(dropSecondState);
  }

  /**
   * Saves the second state with its role: the files and settings it was read with, its role and level, and the files
   * of the first layer as that layer's own record holds them (saved when it was accepted).
   */
  private async persist(): Promise<void> {
    const { held } = this;
    if (!held) return;
    const first = await loadLandUse();
    const second = this.store.getState().landuse.second;
    if (this.held !== held || !second?.role || this.life.disposed) return; // removed, replaced or gone meanwhile
    const saved = first.ok && first.value
      ? await saveSecondState({ files: savedFiles(held.files), settings: held.settings, role: second.role, level: second.level, first: savedFileSizes(first.value.files) })
      : { ok: false as const, detail: first.ok ? 'the first layer is not saved' : first.detail };
    if (!saved.ok) this.say('error', (state) => translate(state.lang, 'landuse.states.notSaved', { detail: saved.detail }));
  }

  private follow(): void {
    const inForce = this.inForce();
    if (this.held && inForce?.worker.client !== this.held.client) this.drop();
    else if (this.held) void this.ask();
  }

  /** Asks the worker for the matrix from 现状 to 规划 at the slice's level; the answer goes to the slice. */
  private async ask(): Promise<void> {
    const second = this.store.getState().landuse.second;
    const inForce = this.inForce();
    if (!second?.role || second.status !== 'ready' || !this.held || !inForce || inForce.worker.client !== this.held.client) return;
    this.asking?.abort();
    const asking = new AbortController();
    this.asking = asking;
    // the second state read as 规划: the layer in force is 现状 (the matrix runs 现状 → 规划)
    const present = second.role === 'plan' ? 'layer' : 'state';
    const { summary, role, level } = second;
    try {
      const result = await inForce.transition(this.held.state, present, level, asking.signal);
      if (result.ok) this.set((slice) => setTransitionMatrix(slice, summary, role, result.matrix));
      else this.set((slice) => transitionFailed(slice, summary, result.detail));
    } catch (error) {
      if (error instanceof RequestError && error.reason === 'aborted') return;
      this.set((slice) => transitionFailed(slice, summary, error instanceof Error ? error.message : String(error)));
    }
  }
}
