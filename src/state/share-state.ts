/**
 * The share dialog's state: whether it is open, the link to the view it shares (taken when it opened) and the
 * link's QR code (made by the app with its encoder, loaded on first use). Named pure actions.
 */

/** What the dialog shows of the link: its QR code's modules (quiet zone included), or why there is none. */
export type ShareQr =
  | { ok: true; modules: readonly (readonly boolean[])[]; version: number; errorCorrection: string }
  | { ok: false; length: number };

export interface ShareState {
  open: boolean;
  link: string;
  qr: ShareQr | null;
}

export const initialShareState: ShareState = { open: false, link: '', qr: null };

interface WithShare { share: ShareState }

/** Opens the dialog on `link` and its code. */
export function openShare<S extends WithShare>(state: S, link: string, qr: ShareQr | null): S {
  return { ...state, share: { open: true, link, qr } };
}

/** Closes the dialog; the link and the code stay for the next opening's first frame. */
export function closeShare<S extends WithShare>(state: S): S {
  return state.share.open ? { ...state, share: { ...state.share, open: false } } : state;
}
