/**
 * One land-use layer at a time: its files, the planner's choices and the worker that holds its parcels; and
 * the reading that waits for the planner's word. A new reading replaces the layer in force only when it can
 * honestly drive the figures: a delivery with several candidate layers (or none with recognised codes) asks
 * which; a file without .prj asks whether the guessed coordinate system is right; a layer that does not reach
 * the Start-up Area, or one without recognised codes while another is in force, is held back with the reason.
 * Until the planner answers, the map, the figures and the saved layer stay as they were. What the panel shows
 * is written to `state.landuse` through its named actions (src/state/landuse-state.ts).
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Lifetime } from '../shell/lifetime.ts';
import { announce } from '../../state/plan-state.ts';
import type { PlanState } from '../../state/plan-state.ts';
import type { Store } from '../../state/store.ts';
import { setBasis } from '../../state/actions.ts';
import { SCHEMATIC_BASIS } from '../../state/basis.ts';
import { translate } from '../../i18n/messages.ts';
import { formatNumber } from '../../i18n/format.ts';
import { LandUseClient } from '../../data/landuse/landuse-client.ts';
import type { LandUseLayerSettings } from '../../data/landuse/prepare-landuse-layer.ts';
import type { LandUseLayerSummary, LandUsePrepareResult, LandUseProgress } from '../../data/landuse/landuse-protocol.ts';
import { describeLandUseIssue } from '../../data/landuse/describe-issue.ts';
import { loadLandUse, saveLandUse } from '../../data/landuse/landuse-saved.ts';
import type { LandUseLayer } from '../../map/landuse-layer.ts';
import type { FiguresService } from '../analysis/figures-service.ts';
import { landUseFiguresClient } from './landuse-figures-client.ts';
import { acceptLayer, askLayer, clearWaiting, holdLayer, onLandUse, readingDone, readingFailed, readingProgress, readingStopped, setCoverage, setLandUseInUse, startReading } from '../../state/landuse-state.ts';
import type { LandUseState, PendingReason } from '../../state/landuse-state.ts';

type Region = Feature<Polygon | MultiPolygon>;
type Prepared = Extract<LandUsePrepareResult, { ok: true }>;
/** A read layer offered as the other state: `replace` makes it the layer in force instead, `drop` lets its reading go. */
export interface SecondStateOffer { files: File[]; settings: LandUseLayerSettings; result: Prepared; replace: () => Promise<void>; drop: () => void }

export type LandUseSettingsChange = Partial<Pick<LandUseLayerSettings, 'encoding' | 'crsId' | 'layer'>> & {
  choice?: NonNullable<LandUseLayerSettings['choice']> | null;
  group?: { key: string; group: NonNullable<LandUseLayerSettings['groupOverrides']>[string] | null };
};

/** A reading waiting for the planner: its files and settings, and the read layer when there is one. */
interface Waiting {
  files: File[];
  settings: LandUseLayerSettings;
  client?: LandUseClient;
  result?: Prepared;
}

export class LandUseSession {
  private client: LandUseClient | undefined;
  private attempt: LandUseClient | undefined;
  /** the accepted layer's id in its worker */
  private layer = 0;
  private withdraw: (() => void) | undefined;
  private files: File[] = [];
  private settings: LandUseLayerSettings = {};
  private name = '';
  private revision = 0;
  private waiting: Waiting | undefined;
  /** the user's "Use for indicators" choice (the basis follows it once a layer is read) */
  private inUse = false;
  offerSecond: ((offer: SecondStateOffer) => boolean) | undefined; // a layer read while one is in force, offered as the other state: true when taken

  constructor(
    private readonly store: Store<PlanState>,
    private readonly map: LandUseLayer,
    private readonly life: Lifetime,
    private readonly figures: FiguresService,
  ) {
    life.add(() => {
      this.withdraw?.();
      this.client?.cancel();
      this.attempt?.cancel();
      this.waiting?.client?.cancel();
      if (this.store.getState().basis.kind === 'landuse') this.store.update((state) => setBasis(state, SCHEMATIC_BASIS));
    });
  }

  /** Applies a land-use slice action (nothing once disposed). */
  private set(action: (slice: LandUseState) => LandUseState): void {
    if (!this.life.disposed) this.store.update((state) => onLandUse(state, action));
  }

  private say(level: 'info' | 'error', text: (state: PlanState) => string): void {
    if (!this.life.disposed) this.store.update((state) => announce(state, level, text(state)));
  }

  /** New files: read them with default choices. */
  open(files: File[]): void {
    void this.prepare(files, {});
  }

  /**
   * A changed reading, layer, classification or grouping choice: read the same files again with it (the waiting
   * reading's files if there is one). `choice` null goes back to detection; a `group` of null takes the user's
   * group off that key.
   */
  change(change: LandUseSettingsChange): void {
    const base = this.waiting ?? { files: this.files, settings: this.settings };
    const { group, choice, ...reading } = change;
    const settings: LandUseLayerSettings = { ...base.settings, ...reading };
    if (choice === null) delete settings.choice;
    else if (choice) settings.choice = choice;
    if (group) {
      const overrides = { ...base.settings.groupOverrides };
      if (group.group === null) delete overrides[group.key];
      else overrides[group.key] = group.group;
      settings.groupOverrides = overrides;
    }
    if (base.files.length > 0) void this.prepare(base.files, settings);
  }

  /** The planner accepts the waiting layer (the guessed coordinate system, or a layer without recognised codes). */
  confirm(): void {
    const waiting = this.waiting;
    if (!waiting?.client || !waiting.result) return;
    this.clearWaiting(false);
    const settings = waiting.result.summary.crs.source === 'inferred' ? { ...waiting.settings, acceptInferredCrs: true } : waiting.settings;
    void this.accept(waiting.client, waiting.files, settings, waiting.result);
  }

  /** Stops a reading under way, or drops the reading waiting for the planner's word. */
  cancel(): void {
    if (this.attempt === this.client && this.attempt) {
      // A new classification in the worker of the layer in force: its answer is dropped, the layer stays.
      this.attempt = undefined;
      this.set(readingStopped);
      this.say('info', (state) => translate(state.lang, 'landuse.cancelled'));
      return;
    }
    if (this.attempt) {
      this.attempt.cancel();
      return;
    }
    if (this.waiting) {
      this.clearWaiting(true);
      this.say('info', (state) => translate(state.lang, 'landuse.cancelled'));
    }
  }

  /** "Use for indicators" on or off. */
  use(inUse: boolean): void {
    this.inUse = inUse;
    this.applyBasis();
    this.say('info', (state) => (inUse ? translate(state.lang, 'landuse.inUse', { name: this.name }) : translate(state.lang, 'landuse.notInUse')));
    if (this.files.length > 0) void this.save();
  }

  /** The basis follows the user's choice while a layer is read; a new reading is a new revision. */
  private applyBasis(): void {
    const basis = this.inUse && this.client ? { kind: 'landuse' as const, name: this.name, revision: this.revision } : SCHEMATIC_BASIS;
    this.store.update((state) => onLandUse(setBasis(state, basis), (slice) => setLandUseInUse(slice, basis.kind === 'landuse')));
  }

  /** The layer saved at the last visit, if any and if nothing was chosen since. */
  async restore(): Promise<void> {
    const saved = await loadLandUse();
    if (this.life.disposed || !saved.ok || !saved.value || this.files.length > 0 || this.attempt) return;
    this.inUse = saved.value.inUse;
    await this.prepare(saved.value.files.map(({ name, data }) => new File([data], name)), saved.value.settings);
  }

  private clearWaiting(cancelClient: boolean): void {
    if (cancelClient) this.release(this.waiting?.client);
    this.waiting = undefined;
    this.set(clearWaiting);
  }

  private hold(waiting: Waiting, reason: PendingReason, text: (state: PlanState) => string): void {
    this.waiting = waiting;
    const held = waiting.result?.summary;
    if (held) this.set((slice) => holdLayer(slice, held, reason));
    this.say(reason === 'outside' ? 'error' : 'info', text);
  }

  /** Why a read layer must wait for the planner, if it must. */
  private holdReason(summary: LandUseLayerSummary, settings: LandUseLayerSettings): { reason: PendingReason; text: (state: PlanState) => string } | null {
    const { placement } = summary;
    if (placement.extent && !placement.overlapsArea) {
      return {
        reason: 'outside',
        text: (state) => translate(state.lang, 'landuse.outside', {
          name: summary.name, distance: formatNumber(placement.distanceKm ?? 0, state.lang, 0),
          direction: translate(state.lang, `landuse.direction.${placement.direction ?? 'N'}`),
        }),
      };
    }
    if (summary.crs.source === 'inferred' && !settings.acceptInferredCrs) {
      return { reason: 'crs', text: (state) => translate(state.lang, 'landuse.crsQuestion', { name: summary.name, crs: summary.crs.crs?.label ?? '' }) };
    }
    if (!summary.choice && this.client && this.inUse) {
      return { reason: 'unclassified', text: (state) => translate(state.lang, 'landuse.heldUnclassified', { name: summary.name, current: this.name }) };
    }
    return null;
  }

  /** Stops a worker that is not the one holding the layer in force. */
  private release(client: LandUseClient | undefined): void {
    if (client && client !== this.client) client.cancel();
  }

  /**
   * Reads files with settings; only a layer that reads well and needs no word from the planner replaces the
   * current one. New settings for the files in force go to their worker, which classifies again without
   * reading again (or reads its kept bytes again for a new encoding, coordinate system or layer).
   */
  private async prepare(files: File[], settings: LandUseLayerSettings): Promise<void> {
    this.release(this.attempt);
    this.clearWaiting(true);
    const again = files === this.files && this.client?.running ? this.client : undefined;
    const attempt = again ?? new LandUseClient();
    this.attempt = attempt;
    const label = files.map((file) => file.name).join(', ');
    this.set(startReading);
    this.say('info', (state) => translate(state.lang, 'landuse.reading', { name: label }));
    const progress = ({ stage, fraction, parcels }: LandUseProgress) => {
      if (this.attempt !== attempt) return;
      this.set((slice) => readingProgress(slice, stage === 'read' ? fraction * 0.1 : stage === 'prepare' ? 0.1 + fraction * 0.85 : 0.95, parcels));
    };
    const outcome = again ? await again.reprepare(settings, [this.layer], progress) : await attempt.prepare(files, settings, progress);
    if (again && this.attempt !== again) return; // cancelled or superseded: the layer in force stays
    if (this.attempt === attempt) {
      this.attempt = undefined;
      this.set(readingStopped);
    }
    if (outcome.cancelled || this.life.disposed) {
      this.release(attempt);
      if (!this.life.disposed && !this.attempt) this.say('info', (state) => translate(state.lang, 'landuse.cancelled'));
      return;
    }
    const { result } = outcome;
    const lang = this.store.getState().lang;
    const messages = result.issues.map((issue) => ({ severity: issue.severity, text: describeLandUseIssue(issue, lang) }));
    this.set((slice) => readingDone(slice, messages));
    if (!result.ok && result.question) {
      this.release(attempt);
      const question = result.question;
      this.set((slice) => askLayer(slice, question));
      this.hold({ files, settings }, 'layer', (state) => translate(state.lang, 'landuse.layerQuestion', { name: label }));
      return;
    }
    if (!result.ok) {
      this.release(attempt);
      const failure = messages.find((message) => message.severity === 'error')?.text ?? '';
      this.set((slice) => readingFailed(slice, failure));
      this.say('error', (state) => translate(state.lang, 'landuse.failed', { name: label, detail: failure }));
      return;
    }
    const held = this.holdReason(result.summary, settings);
    if (held) {
      this.hold({ files, settings, client: attempt, result }, held.reason, held.text);
      return;
    }
    if (this.client && files !== this.files && this.offerSecond?.({ files, settings, result, replace: () => this.accept(attempt, files, settings, result), drop: () => this.release(attempt) })) return;
    await this.accept(attempt, files, settings, result);
  }

  /** Makes a read layer the one in force: drawn, the figures' land-use client, saved. */
  private async accept(attempt: LandUseClient, files: File[], settings: LandUseLayerSettings, result: Prepared): Promise<void> {
    const before = this.store.getState().landuse;
    this.set((slice) => acceptLayer(slice, result.summary, result.data, result.overview));
    const refused = this.map.refusal(result.data);
    if (refused !== null) {
      // MapLibre would not draw it: the layer in force stays as it was
      this.release(attempt);
      this.set(() => readingFailed(before, refused));
      this.say('error', (state) => translate(state.lang, 'landuse.failed', { name: result.summary.name, detail: refused }));
      return;
    }
    this.withdraw?.();
    if (this.client !== attempt) this.client?.cancel();
    this.client = attempt;
    this.layer = result.layer;
    this.files = files;
    this.settings = settings;
    this.name = result.summary.name;
    this.revision++;
    // A layer without recognised codes never drives the figures until the planner says so.
    if (!result.summary.choice) this.inUse = false;
    const boundary = this.store.getState().data.boundary?.features[0] as Region | undefined;
    if (boundary) {
      const figures = landUseFiguresClient(attempt, result.layer, boundary);
      this.withdraw = this.figures.provide('landuse', figures);
      void figures.whole([]).then((whole) => {
        if (this.client === attempt) this.set((slice) => setCoverage(slice, result.summary, whole.landUse ?? null));
      }, () => undefined);
    }
    this.applyBasis();
    this.say('info', (state) => translate(state.lang, 'landuse.read', { name: this.name, count: result.summary.featureCount }));
    await this.save();
  }

  private async save(): Promise<void> {
    const saved = await saveLandUse({ files: this.files.map((file) => ({ name: file.name, data: file })), settings: this.settings, inUse: this.inUse });
    if (!saved.ok) this.say('error', (state) => translate(state.lang, 'landuse.failed', { name: this.name, detail: saved.detail }));
  }
}
