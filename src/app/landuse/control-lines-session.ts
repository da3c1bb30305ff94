/**
 * The three control lines (三区三线): a delivery chosen in the control-lines panel or dropped on the map is read in
 * the land-use worker (src/data/landuse/control-lines-reader.ts through the worker's `control-lines` request) — the
 * worker of the land-use layer in force, so the lines are cut into its urban construction land once and every
 * figure of that layer carries the conflict figures; before any land-use layer, in a worker of its own (drawn, the
 * figures unknown). A layer whose role its name does not tell is asked about (a role or ignore per layer); a
 * dropped delivery holding both control lines and a land-use layer asks which it is. A reading that fails (not a
 * delivery, only lines or points) says why in the live region and leaves the lines in force as they were. When the
 * land-use layer changes, the lines in force are read again into its worker. The lines in force are saved (their
 * files and the planner's roles, src/data/landuse/control-lines-saved.ts) and read again at the next visit; the
 * planner may remove them (nothing drawn or saved, the conflict figures unknown again). Writes `state.controlLines`
 * through its named actions (src/state/control-lines-state.ts).
 */
import type { Lifetime } from '../shell/lifetime.ts';
import { announce, type PlanState } from '../../state/plan-state.ts';
import type { Store } from '../../state/store.ts';
import { translate, type Lang, type MessageKey } from '../../i18n/messages.ts';
import { LandUseClient } from '../../data/landuse/landuse-client.ts';
import type { ControlLineWorkerIssue, ControlLinesResult } from '../../data/landuse/landuse-protocol.ts';
import { describeLandUseIssue } from '../../data/landuse/describe-issue.ts';
import type { LandUseIssue } from '../../data/landuse/landuse-issues.ts';
import { recogniseControlLineRole, type ControlLineRole } from '../../core/landuse/control-line-names.ts';
import { clearControlLines, loadControlLines, saveControlLines } from '../../data/landuse/control-lines-saved.ts';
import { filesOf, savedFiles } from '../../data/landuse/saved-records.ts';
import {
  acceptLines, answerLineRole, askDeliveryKind, askLineRoles, clearLines, clearLinesQuestion, linesReadingDone, linesReadingFailed, onControlLines,
  questionAnswered, renewBasisFigures, startLinesReading, type ControlLineChoice, type ControlLinesState,
} from '../../state/control-lines-state.ts';
import type { FiguresService } from '../analysis/figures-service.ts';
import type { LandUseFiguresClient } from './landuse-figures-client.ts';

type Roles = Record<string, ControlLineRole | 'ignore'>;

/** A control-line issue or a land-use reader issue, in the user's language. */
export function describeControlLineIssue(issue: ControlLineWorkerIssue, lang: Lang): string {
  if (issue.code.startsWith('control-line-') && 'layer' in issue) {
    return translate(lang, `controlLines.issue.${issue.code}` as MessageKey, { ...issue.params, layer: issue.layer });
  }
  return describeLandUseIssue(issue as LandUseIssue, lang);
}

export class ControlLinesSession {
  /** the worker of lines read before any land-use layer */
  private own: LandUseClient | undefined;
  /** the files and roles of the lines in force */
  private files: File[] = [];
  private roles: Roles = {};
  /** the files whose roles the planner is asked for, or the mixed delivery and its land-use reading */
  private asking: { files: File[]; roles: Roles } | undefined;
  private mixed: { files: File[]; landUse: () => void } | undefined;
  /** the newest reading (an older one's answer is dropped) */
  private generation = 0;

  constructor(private readonly store: Store<PlanState>, private readonly life: Lifetime, private readonly figures: FiguresService) {
    life.add(() => {
      this.generation++;
      this.own?.cancel();
    });
    // A new land-use layer (another worker, or a new classification): the lines in force are cut into it again,
    // once its figures client is provided (right after the layer is accepted, in the same task).
    life.add(store.select((state) => state.landuse.summary, (summary) => {
      if (summary && this.files.length > 0) queueMicrotask(() => void this.read(this.files, this.roles, 'again'));
    }));
  }

  private set(action: (slice: ControlLinesState) => ControlLinesState): void {
    if (!this.life.disposed) this.store.update((state) => onControlLines(state, action));
  }

  private say(level: 'info' | 'error', text: (lang: Lang) => string): void {
    if (!this.life.disposed) this.store.update((state) => announce(state, level, text(state.lang)));
  }

  /** New files: read with the roles their names tell. */
  open(files: File[]): void {
    this.set(clearLinesQuestion);
    void this.read(files, {}, 'new');
  }

  /**
   * A dropped delivery: control lines when its layers are named as control lines and none carries land-use codes,
   * a question when it holds both, the land-use reading otherwise.
   */
  async route(files: File[], landUse: () => void): Promise<void> {
    const probe = new LandUseClient();
    let kinds: { controlLines: string[]; landUse: string[] };
    try {
      probe.open();
      kinds = await probe.describeDelivery(files);
    } catch {
      kinds = { controlLines: [], landUse: [] };
    } finally {
      probe.cancel();
    }
    if (this.life.disposed) return;
    if (kinds.controlLines.length === 0) return landUse();
    if (kinds.landUse.length === 0) return this.open(files);
    this.mixed = { files, landUse };
    const name = files.map((file) => file.name).join(', ');
    this.set((slice) => askDeliveryKind(slice, name));
    this.say('info', (lang) => translate(lang, 'controlLines.mixedQuestion', { name, lines: kinds.controlLines.join(', '), landuse: kinds.landUse.join(', ') }));
  }

  /** The planner's answer to the mixed delivery's question. */
  kind(kind: 'control-lines' | 'land-use'): void {
    const mixed = this.mixed;
    this.mixed = undefined;
    this.set(clearLinesQuestion);
    if (!mixed) return;
    if (kind === 'control-lines') void this.read(mixed.files, {}, 'new');
    else mixed.landUse();
  }

  /** The planner's role for a layer asked about; once every layer has one, the delivery is read with them. */
  answer(id: string, choice: ControlLineChoice | null): void {
    this.set((slice) => answerLineRole(slice, id, choice));
    const slice = this.store.getState().controlLines;
    if (!this.asking || !questionAnswered(slice)) return;
    const roles: Roles = { ...this.asking.roles };
    for (const layer of slice.question!.layers) roles[layer.id] = layer.choice!;
    void this.read(this.asking.files, roles, 'new');
  }

  /** Drops the question (the lines in force stay). */
  cancel(): void {
    this.asking = undefined;
    this.mixed = undefined;
    this.set(clearLinesQuestion);
  }

  /**
   * The lines saved at the last visit, if any and if none were chosen since: read again. A record that is not usable
   * stays, and is reported; storage that is unavailable (private mode) is reported where imports are, not here.
   */
  async restore(): Promise<void> {
    const generation = this.generation;
    const saved = await loadControlLines();
    if (this.life.disposed || generation !== this.generation || this.files.length > 0) return;
    if (!saved.ok && !saved.storage) this.say('error', (lang) => translate(lang, 'controlLines.savedUnreadable', { detail: saved.detail }));
    else if (saved.ok && saved.value) await this.read(filesOf(saved.value.files), saved.value.roles, 'restore');
  }

  /** The planner removes the lines: nothing drawn or saved, and the figures of the land-use layer without conflicts. */
  async remove(): Promise<void> {
    this.generation++;
    this.cancel();
    this.files = [];
    this.roles = {};
    this.set(clearLines);
    this.own?.cancel();
    this.own = undefined;
    const cleared = await clearControlLines();
    if (!cleared.ok) this.say('error', (lang) => translate(lang, 'controlLines.notForgotten', { detail: cleared.detail }));
    const provided = this.figures.now('landuse') as LandUseFiguresClient | undefined;
    if (provided?.worker?.client.running) {
      await provided.worker.client.controlLines([], {}, null).catch(() => undefined); // a worker gone took its lines with it
      provided.forget();
      if (!this.life.disposed) this.store.update((state) => (state.basis.kind === 'landuse' ? renewBasisFigures(state) : state));
    }
    this.say('info', (lang) => translate(lang, 'controlLines.removed'));
  }

  /** The worker to read in: the land-use layer's (so the conflicts are cut), or one of the lines' own. */
  private target(): { client: LandUseClient; layer: number | null; figures?: LandUseFiguresClient } {
    const provided = this.figures.now('landuse') as LandUseFiguresClient | undefined;
    if (provided?.worker?.client.running) {
      this.own?.cancel();
      this.own = undefined;
      return { ...provided.worker, figures: provided };
    }
    this.own ??= new LandUseClient();
    this.own.open();
    return { client: this.own, layer: null };
  }

  /**
   * Reads files with roles; only lines that read replace the ones in force (and are saved). `again`: the lines in
   * force, re-cut; `restore`: the lines saved at the last visit.
   */
  private async read(files: File[], roles: Roles, why: 'new' | 'again' | 'restore'): Promise<void> {
    const generation = ++this.generation;
    const label = files.map((file) => file.name).join(', ');
    const { client, layer, figures } = this.target();
    this.set(startLinesReading);
    if (why !== 'again') this.say('info', (lang) => translate(lang, 'controlLines.reading', { name: label }));
    let result: ControlLinesResult;
    try {
      result = await client.controlLines(files, roles, layer);
    } catch (error) {
      result = { ok: false, issues: [{ code: 'internal', severity: 'error', params: { detail: String((error as Error)?.message ?? error) } }], question: null };
    }
    if (generation !== this.generation || this.life.disposed) return;
    const lang = this.store.getState().lang;
    const messages = result.issues.map((issue) => ({ severity: issue.severity, text: describeControlLineIssue(issue, lang) }));
    this.set((slice) => linesReadingDone(slice, messages));
    const question = result.question;
    if (question) {
      this.asking = { files, roles };
      this.set((slice) => askLineRoles(slice, question.map((item) => {
        const recognised = recogniseControlLineRole(item.name);
        return { id: item.id, name: item.name, reason: recognised.role === null ? recognised.reason : 'unknown' };
      })));
      this.say('info', (current) => translate(current, 'controlLines.roleQuestion', { names: question.map((item) => item.name).join(', ') }));
    } else {
      this.asking = undefined;
      this.set(clearLinesQuestion);
    }
    if (!result.ok) {
      if (question && !result.issues.some((issue) => issue.severity === 'error')) return;
      const failure = messages.find((message) => message.severity === 'error')?.text ?? messages[0]?.text ?? '';
      this.set((slice) => linesReadingFailed(slice, failure));
      this.say('error', (current) => translate(current, 'controlLines.failed', { name: label, detail: failure }));
      return;
    }
    this.files = files;
    this.roles = roles;
    const read = result;
    this.set((slice) => acceptLines(slice, read.lines, read.data));
    for (const message of messages.filter((item) => item.severity === 'error')) this.say('error', () => message.text);
    if (read.conflicts && figures) {
      // every figure of the layer now carries the conflicts: asked again
      figures.forget();
      if (!this.life.disposed) this.store.update((state) => (state.basis.kind === 'landuse' ? renewBasisFigures(state) : state));
    }
    // A land-use layer came into force while these were read elsewhere: they are cut into its worker too.
    const now = this.figures.now('landuse') as LandUseFiguresClient | undefined;
    if (now !== figures && now?.worker?.client.running) queueMicrotask(() => void this.read(files, roles, 'again'));
    if (why === 'new') {
      const saved = await saveControlLines({ files: savedFiles(files), roles });
      if (!saved.ok) this.say('error', (lang) => translate(lang, 'controlLines.notSaved', { detail: saved.detail }));
    }
    if (why !== 'again') {
      this.say('info', (current) => translate(current, 'controlLines.read', {
        names: read.lines.map((line) => `${line.name} (${translate(current, `controlLines.role.${line.role}`)})`).join(', '),
      }));
    }
  }
}
