/**
 * The planner's own land-use layer: `<plan-landuse-panel>` in the side panel; chosen files go to the
 * land-use worker (read, reproject, classify); the parcels are drawn in their class colours. The prepared
 * layer is provided as the figures client of the `landuse` basis (./landuse-figures-client.ts); "Use for
 * indicators" makes it the basis of every figure (state.basis), and the analysis recomputes the whole area,
 * clusters, subdistricts, cores, study area and what-if outlines from it. A file that cannot be read leaves
 * the layer, its figures and the map as they were. The files and the user's choices are saved (IndexedDB)
 * and read again at the next visit. `dispose` stops the worker and removes the panel, the listeners, the map
 * layer and the basis (back to the schematic layers).
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { AppServices, Dispose } from '../services.ts';
import { Lifetime } from '../lifetime.ts';
import { announce } from '../../state/plan-state.ts';
import type { PlanState } from '../../state/plan-state.ts';
import type { Store } from '../../state/store.ts';
import { setBasis } from '../../state/actions.ts';
import { SCHEMATIC_BASIS } from '../../state/basis.ts';
import { translate } from '../../i18n/messages.ts';
import { LandUseClient } from '../../data/landuse/landuse-client.ts';
import type { LandUseLayerSettings } from '../../data/landuse/prepare-landuse-layer.ts';
import { describeLandUseIssue } from '../../data/landuse/describe-issue.ts';
import { loadLandUse, saveLandUse } from '../../data/landuse/landuse-saved.ts';
import { LandUseLayer } from '../../map/landuse-layer.ts';
import { provideFiguresClient } from '../analysis/analysis-service.ts';
import { landUseFiguresClient } from './landuse-figures-client.ts';
import '../../ui/components/landuse/landuse-panel.ts';
import { mountSection } from '../panel-section.ts';
import type { PlanLandUsePanel } from '../../ui/components/landuse/landuse-panel.ts';

type Region = Feature<Polygon | MultiPolygon>;
type LandUseSettingsChange = Partial<Pick<LandUseLayerSettings, 'encoding' | 'crsId'>> & {
  choice?: NonNullable<LandUseLayerSettings['choice']> | null;
  group?: { key: string; group: NonNullable<LandUseLayerSettings['groupOverrides']>[string] | null };
};

function mountPanel(app: HTMLElement, life: Lifetime): PlanLandUsePanel {
  return mountSection(app, life, { id: 'landuse', labelKey: 'landuse.title', content: document.createElement('plan-landuse-panel'), order: 45, open: true });
}

/** One land-use layer at a time: its files, the user's choices and the worker that holds its parcels. */
class LandUseSession {
  private client: LandUseClient | undefined;
  private withdraw: (() => void) | undefined;
  private files: File[] = [];
  private settings: LandUseLayerSettings = {};
  private name = '';
  private revision = 0;
  /** the user's "Use for indicators" choice (the basis follows it once a layer is read) */
  private inUse = false;

  constructor(
    private readonly store: Store<PlanState>,
    private readonly panel: PlanLandUsePanel,
    private readonly layer: LandUseLayer,
    private readonly life: Lifetime,
  ) {
    life.add(() => {
      this.withdraw?.();
      this.client?.cancel();
      if (this.store.getState().basis.kind === 'landuse') this.store.update((state) => setBasis(state, SCHEMATIC_BASIS));
    });
  }

  private say(level: 'info' | 'error', text: (state: PlanState) => string): void {
    if (!this.life.disposed) this.store.update((state) => announce(state, level, text(state)));
  }

  /** New files: read them with default choices. */
  open(files: File[]): void {
    void this.prepare(files, {});
  }

  /**
   * A changed reading, classification or grouping choice: read the same files again with it. `choice` null
   * goes back to detection; a `group` of null takes the user's group off that key.
   */
  change(change: LandUseSettingsChange): void {
    const { group, choice, ...reading } = change;
    const settings: LandUseLayerSettings = { ...this.settings, ...reading };
    if (choice === null) delete settings.choice;
    else if (choice) settings.choice = choice;
    if (group) {
      const overrides = { ...this.settings.groupOverrides };
      if (group.group === null) delete overrides[group.key];
      else overrides[group.key] = group.group;
      settings.groupOverrides = overrides;
    }
    if (this.files.length > 0) void this.prepare(this.files, settings);
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
    this.panel.inUse = basis.kind === 'landuse';
    this.store.update((state) => setBasis(state, basis));
  }

  /** The layer saved at the last visit, if any and if nothing was chosen since. */
  async restore(): Promise<void> {
    const saved = await loadLandUse();
    if (this.life.disposed || !saved.ok || !saved.value || this.files.length > 0) return;
    this.inUse = saved.value.inUse;
    await this.prepare(saved.value.files.map(({ name, data }) => new File([data], name)), saved.value.settings);
  }

  /** Reads files with settings; only a layer that reads well replaces the current one (and its saved copy). */
  private async prepare(files: File[], settings: LandUseLayerSettings): Promise<void> {
    const attempt = new LandUseClient();
    const label = files.map((file) => file.name).join(', ');
    this.panel.busy = true;
    this.panel.progress = 0;
    this.say('info', (state) => translate(state.lang, 'landuse.reading', { name: label }));
    const outcome = await attempt.prepare(files, settings, (stage, fraction) => {
      this.panel.progress = stage === 'read' ? fraction * 0.1 : stage === 'prepare' ? 0.1 + fraction * 0.85 : 0.95;
    });
    this.panel.busy = false;
    if (outcome.cancelled || this.life.disposed) {
      attempt.cancel();
      return;
    }
    const { result } = outcome;
    const lang = this.store.getState().lang;
    this.panel.messages = result.issues.map((issue) => ({ severity: issue.severity, text: describeLandUseIssue(issue, lang) }));
    let failure = result.ok ? '' : (this.panel.messages.find((message) => message.severity === 'error')?.text ?? '');
    if (result.ok) {
      try {
        this.layer.show(result.data, result.overview, result.summary);
      } catch (error) {
        failure = String((error as Error).message);
      }
    }
    if (!result.ok || failure) {
      attempt.cancel();
      this.say('error', (state) => translate(state.lang, 'landuse.failed', { name: label, detail: failure }));
      return;
    }
    this.withdraw?.();
    this.client?.cancel();
    this.client = attempt;
    this.files = files;
    this.settings = settings;
    this.name = result.summary.name;
    this.revision++;
    this.panel.summary = result.summary;
    this.panel.coverage = null;
    const boundary = this.store.getState().data.boundary?.features[0] as Region | undefined;
    if (boundary) {
      const figures = landUseFiguresClient(attempt, boundary);
      this.withdraw = provideFiguresClient('landuse', figures);
      void figures.whole([]).then((whole) => {
        if (this.client === attempt) this.panel.coverage = whole.landUse ?? null;
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

export function install({ app, store, view }: AppServices): Dispose {
  const life = new Lifetime();
  const panel = mountPanel(app, life);
  const layer = new LandUseLayer(view);
  life.add(() => layer.clear());
  const session = new LandUseSession(store, panel, layer, life);
  const setLanguage = (state: PlanState) => {
    panel.language = state.lang;
  };
  setLanguage(store.getState());
  life.add(store.subscribe(setLanguage));
  life.listen(app, 'plan-landuse-files', ({ detail }) => session.open(detail.files));
  life.listen(app, 'plan-landuse-settings', ({ detail }) => session.change(detail));
  life.listen(app, 'plan-landuse-use', ({ detail }) => session.use(detail.use));
  void session.restore();
  return () => life.dispose();
}
