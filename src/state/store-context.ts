import { createContext } from '@lit/context';
import type { Store } from './store.ts';
import type { PlanState } from './plan-state.ts';

/** The one store, provided by <plan-app> to every component below it. */
export const storeContext = createContext<Store<PlanState> | undefined>(Symbol('plan-store'));
