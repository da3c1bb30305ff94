/**
 * The laser pointer and ink while presenting: with L held the laser follows the pointer; pressing the button
 * then draws ink that fades a few seconds after it is drawn. Both live only in the presenter slice (drawn by the
 * audience overlay), never in the saved deck.
 */
import type { Lifetime } from '../../shell/lifetime.ts';
import { beginStroke, dropStroke, extendStroke, movePointer, setLaser } from '../../../state/presenter-state.ts';
import type { PresenterServices } from '../presenter-services.ts';

const INK_FADES_AFTER_MS = 4000;

export function installInkAndLaser({ store }: PresenterServices, life: Lifetime): void {
  let last: { x: number; y: number } | undefined;
  let drawing: number | undefined;
  let strokeCounter = 0;

  const endStroke = (own: Lifetime) => {
    const id = drawing;
    if (id === undefined) return;
    drawing = undefined;
    own.timeout(() => store.update((state) => dropStroke(state, id)), INK_FADES_AFTER_MS);
  };

  const start = (own: Lifetime) => {
    own.add(() => { drawing = undefined; });
    own.listen(window, 'pointermove', (event) => {
      last = { x: event.clientX, y: event.clientY };
      const stroke = drawing;
      store.update((state) => {
        const moved = movePointer(state, event.clientX, event.clientY);
        return stroke === undefined ? moved : extendStroke(moved, stroke, event.clientX, event.clientY);
      });
    });
    own.listen(window, 'pointerdown', (event) => {
      if (!store.getState().presenter.laser) return;
      strokeCounter += 1;
      drawing = strokeCounter;
      store.update((state) => beginStroke(state, strokeCounter, event.clientX, event.clientY));
    });
    own.listen(window, 'pointerup', () => endStroke(own));
    own.listen(window, 'keyup', (event) => {
      if ((event.key === 'l' || event.key === 'L') && store.getState().presenter.laser) {
        endStroke(own);
        store.update((state) => setLaser(state, false));
      }
    });
  };
  life.whileSelected(store, (state) => state.presenter.presenting, (_presenting, own) => start(own));
  // the laser shows where the pointer last was, before it moves
  life.add(store.select((state) => state.presenter.laser, (laser) => {
    if (laser && last) {
      const at = last;
      store.update((state) => movePointer(state, at.x, at.y));
    }
  }));
}
