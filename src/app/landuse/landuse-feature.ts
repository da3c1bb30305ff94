/**
 * The planner's own land-use layer: `<plan-landuse-panel>` in the side panel; chosen files go to the
 * land-use worker (read, reproject, classify); the parcels are drawn in their class colours; "Use for
 * indicators" computes the blue-green and urban-construction shares over the Start-up Area boundary from
 * the layer (in the worker) into `<plan-landuse-indicator-bar>` over the map. A file that cannot be read
 * leaves the layer, its figures and the map as they were. The files and the user's choices are saved
 * (IndexedDB) and read again at the next visit. `dispose` stops the worker and removes the panel, the bar,
 * the listeners and the map layer.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { AppServices, Dispose } from '../services.ts';
import { Lifetime } from '../lifetime.ts';
import { announce } from '../../state/plan-state.ts';
import type { PlanState } from '../../state/plan-state.ts';
import type { Store } from '../../state/store.ts';
import { translate } from '../../i18n/messages.ts';
import { LandUseClient } from '../../data/landuse/landuse-client.ts';
import type { LandUseLayerSettings } from '../../data/landuse/prepare-landuse-layer.ts';
import { describeLandUseIssue } from '../../data/landuse/describe-issue.ts';
import { loadLandUse, saveLandUse } from '../../data/landuse/landuse-saved.ts';
import { LandUseLayer } from '../../map/landuse-layer.ts';
import '../../ui/components/side-panel/side-panel.ts';
import '../../ui/components/landuse/landuse-panel.ts';
import '../../ui/components/landuse/landuse-indicator-bar.ts';
import { PlanSidePanel } from '../../ui/components/side-panel/side-panel.ts';
import type { PlanLandUsePanel } from '../../ui/components/landuse/landuse-panel.ts';
import type { PlanLandUseIndicatorBar } from '../../ui/components/landuse/landuse-indicator-bar.ts';

/** Into the side panel as a section when there is one, else straight into the shell. */
function mountPanel(app: HTMLElement, life: Lifetime): PlanLandUsePanel {
  const panel = document.createElement('plan-landuse-panel');
  const section = PlanSidePanel.addSection({ id: 'landuse', labelKey: 'landuse.title', content: panel, order: 45, open: true }, app);
  if (section) life.add(() => section.remove());
  else {
    panel.slot = 'panel';
    life.append(app, panel);
  }
  return panel;
}

/** Over the top of the map (desktop and phone); hidden until there are figures. */
function mountBar(app: HTMLElement, life: Lifetime): PlanLandUseIndicatorBar {
  const bar = document.createElement('plan-landuse-indicator-bar');
  bar.slot = 'map';
  // Inline style wins over the shell's ::slotted([slot='map']) { inset: 0 }.
  bar.setAttribute('style', 'position:absolute;inset:auto;left:50%;transform:translateX(-50%);top:2.4rem;z-index:4');
  bar.hidden = true;
  return life.append(app, bar);
}

/** One land-use layer at a time: its files, the user's choices and the worker that holds its parcels. */
class LandUseSession {
  private client: LandUseClient | undefined;
  private files: File[] = [];
  private settings: LandUseLayerSettings = {};
  private name = '';

  constructor(
    private readonly store: Store<PlanState>,
    private readonly panel: PlanLandUsePanel,
    private readonly bar: PlanLandUseIndicatorBar,
    private readonly layer: LandUseLayer,
    private readonly life: Lifetime,
  ) {
    life.add(() => this.client?.cancel());
  }

  private say(level: 'info' | 'error', text: (state: PlanState) => string): void {
    if (!this.life.disposed) this.store.update((state) => announce(state, level, text(state)));
  }

  /** New files: read them with default choices. */
  open(files: File[]): void {
    this.files = files;
    this.settings = {};
    void this.prepare();
  }

  /** A changed reading or grouping choice: read the same files again with it. */
  change(change: Partial<Pick<LandUseLayerSettings, 'encoding' | 'crsId'>> & { group?: { key: string; group: NonNullable<LandUseLayerSettings['groupOverrides']>[string] } }): void {
    const { group, ...reading } = change;
    this.settings = { ...this.settings, ...reading, ...(group ? { groupOverrides: { ...this.settings.groupOverrides, [group.key]: group.group } } : {}) };
    if (this.files.length > 0) void this.prepare();
  }

  /** "Use for indicators" on or off. */
  use(inUse: boolean): void {
    this.panel.inUse = inUse;
    this.say('info', (state) => (inUse ? translate(state.lang, 'landuse.inUse', { name: this.name }) : translate(state.lang, 'landuse.notInUse')));
    void this.refreshIndicators();
    if (this.files.length > 0) void this.save();
  }

  /** The layer saved at the last visit, if any and if nothing was chosen since. */
  async restore(): Promise<void> {
    const saved = await loadLandUse();
    if (this.life.disposed || !saved.ok || !saved.value || this.files.length > 0) return;
    this.files = saved.value.files.map(({ name, data }) => new File([data], name));
    this.settings = saved.value.settings;
    this.panel.inUse = saved.value.inUse;
    await this.prepare();
  }

  private async prepare(): Promise<void> {
    const attempt = new LandUseClient();
    const label = this.files.map((file) => file.name).join(', ');
    this.panel.busy = true;
    this.panel.progress = 0;
    this.say('info', (state) => translate(state.lang, 'landuse.reading', { name: label }));
    const outcome = await attempt.prepare(this.files, this.settings, (stage, fraction) => {
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
        this.layer.show(result.data, result.overview);
      } catch (error) {
        failure = String((error as Error).message);
      }
    }
    if (!result.ok || failure) {
      attempt.cancel();
      this.say('error', (state) => translate(state.lang, 'landuse.failed', { name: label, detail: failure }));
      return;
    }
    this.client?.cancel();
    this.client = attempt;
    this.name = result.summary.name;
    this.panel.summary = result.summary;
    this.say('info', (state) => translate(state.lang, 'landuse.read', { name: this.name, count: result.summary.featureCount }));
    await this.refreshIndicators();
    await this.save();
  }

  private async refreshIndicators(): Promise<void> {
    const region = this.store.getState().data.boundary?.features[0] as Feature<Polygon | MultiPolygon> | undefined;
    if (!this.panel.inUse || !this.client || !region) {
      this.panel.indicators = this.bar.indicators = null;
      this.bar.hidden = true;
      return;
    }
    const [answer] = await this.client.indicators([{ id: 'boundary', region }]);
    // No figures while a layer is prepared means a newer request superseded this one: keep what is shown.
    if (this.life.disposed || !answer?.indicators) return;
    this.panel.indicators = this.bar.indicators = answer.indicators;
    this.bar.basis = this.name;
    this.bar.hidden = !this.bar.indicators;
    await this.refreshStudy(this.store.getState().study.polygon);
  }

  /** The figures over the study polygon, as it is drawn or dragged (the parcels are indexed once in the worker). */
  async refreshStudy(polygon: Polygon | null): Promise<void> {
    if (!polygon || !this.panel.inUse || !this.client) {
      this.bar.study = null;
      return;
    }
    const [answer] = await this.client.indicators([{ id: 'study', region: { type: 'Feature', properties: {}, geometry: polygon } }]);
    // A newer request supersedes this one (answered without figures): keep what is shown until it answers.
    if (!this.life.disposed && answer?.indicators && this.store.getState().study.polygon === polygon) this.bar.study = answer.indicators;
  }

  private async save(): Promise<void> {
    const saved = await saveLandUse({ files: this.files.map((file) => ({ name: file.name, data: file })), settings: this.settings, inUse: this.panel.inUse });
    if (!saved.ok) this.say('error', (state) => translate(state.lang, 'landuse.failed', { name: this.name, detail: saved.detail }));
  }
}

export function install({ app, store, view }: AppServices): Dispose {
  const life = new Lifetime();
  const panel = mountPanel(app, life);
  const bar = mountBar(app, life);
  const layer = new LandUseLayer(view);
  life.add(() => layer.clear());
  const session = new LandUseSession(store, panel, bar, layer, life);
  const setLanguage = (state: PlanState) => {
    panel.language = bar.language = state.lang;
  };
  setLanguage(store.getState());
  life.add(store.subscribe(setLanguage));
  life.listen(app, 'plan-landuse-files', ({ detail }) => session.open(detail.files));
  life.listen(app, 'plan-landuse-settings', ({ detail }) => session.change(detail));
  life.listen(app, 'plan-landuse-use', ({ detail }) => session.use(detail.use));
  life.add(store.select((state) => state.study.polygon, (polygon) => void session.refreshStudy(polygon)));
  void session.restore();
  return () => life.dispose();
}
