/**
 * The second land-use state saved at the last visit (src/data/landuse/second-state-saved.ts), read again once the
 * first layer's own restoring is over: only beside the first layer it was paired with (the same files), through the
 * same path as a layer offered by the planner (read in a worker of its own, offered, then given its saved role and
 * matrix level — the land-use worker of the first layer reads it beside that layer and the matrix follows).
 *
 * Without a first layer in force the saved state is not used. It is forgotten when no first layer is saved any more
 * (or another one is: it can never be paired again), and kept when the first layer's own record is still saved but
 * could not be used this time (unreadable, or waiting for the planner's word): the two records stay together, and
 * the pairing check keeps the second from ever going with another layer. A record that cannot be read is left in
 * place and the planner is told.
 */
import type { Lifetime } from '../shell/lifetime.ts';
import { announce, type PlanState } from '../../state/plan-state.ts';
import type { Store } from '../../state/store.ts';
import { translate } from '../../i18n/messages.ts';
import { LandUseClient } from '../../data/landuse/landuse-client.ts';
import { loadLandUse } from '../../data/landuse/landuse-saved.ts';
import { clearSecondState, loadSecondState, sameFirstLayer } from '../../data/landuse/second-state-saved.ts';
import { filesOf, savedFileSizes } from '../../data/landuse/saved-records.ts';
import { describeLandUseIssue } from '../../data/landuse/describe-issue.ts';
import type { LandUseSession } from './landuse-session.ts';
import type { LandUseStates } from './landuse-states.ts';
import type { FiguresService } from '../analysis/figures-service.ts';
import type { LandUseFiguresClient } from './landuse-figures-client.ts';

export async function restoreSecondState(
  store: Store<PlanState>, session: LandUseSession, states: LandUseStates, figures: FiguresService, life: Lifetime,
): Promise<void> {
  const say = (level: 'info' | 'error', text: (state: PlanState) => string) => {
    if (!life.disposed) store.update((state) => announce(state, level, text(state)));
  };
  const saved = await loadSecondState();
  if (life.disposed) return;
  // storage unavailable (private mode) is reported where imports are; a record that is not usable stays, and is reported
  if (!saved.ok) return saved.storage ? undefined : say('error', (state) => translate(state.lang, 'landuse.states.savedUnreadable', { detail: saved.detail }));
  if (!saved.value) return;
  const { files: savedFiles, settings, role, level, first } = saved.value;
  // paired with the first layer saved now (the one restored), and that layer in force
  const firstSaved = await loadLandUse();
  const paired = firstSaved.ok && firstSaved.value !== null && sameFirstLayer(first, savedFileSizes(firstSaved.value.files));
  const inForce = (figures.now('landuse') as LandUseFiguresClient | undefined)?.worker.client;
  if (!paired || !inForce) {
    if (firstSaved.ok && !paired) await clearSecondState();
    return;
  }
  // the planner has offered or loaded another layer meanwhile: theirs stands
  if (store.getState().landuse.second) return;
  const files = filesOf(savedFiles);
  const client = new LandUseClient();
  life.add(() => client.cancel());
  const outcome = await client.prepare(files, settings);
  const stillFirst = (figures.now('landuse') as LandUseFiguresClient | undefined)?.worker.client === inForce && !store.getState().landuse.second;
  if (outcome.cancelled || life.disposed || !stillFirst || !outcome.result.ok || !outcome.result.summary.choice || !session.offerSecond) {
    client.cancel();
    if (outcome.cancelled || life.disposed || !stillFirst) return;
    const lang = store.getState().lang;
    const name = files.map((file) => file.name).join(', ');
    const detail = outcome.result.ok
      ? translate(lang, 'landuse.states.noClasses', { name, current: store.getState().landuse.summary?.name ?? '' })
      : outcome.result.issues.filter((issue) => issue.severity === 'error').map((issue) => describeLandUseIssue(issue, lang)).join(' ');
    return say('error', (state) => translate(state.lang, 'landuse.states.failed', { name, detail }));
  }
  const result = outcome.result;
  // offered as if just read, then given its saved level and role (a replacement is never asked for here)
  session.offerSecond({ files, settings, result, replace: () => Promise.resolve(), drop: () => client.cancel() });
  if (level !== 'group') await states.level(level);
  await states.choose(role);
}
