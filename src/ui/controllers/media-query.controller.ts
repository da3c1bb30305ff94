import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Whether a CSS media query matches; re-renders its host when that changes. Listens only while connected. */
export class MediaQueryController implements ReactiveController {
  matches = false;
  private list: MediaQueryList | undefined;
  private readonly onChange = (event: MediaQueryListEvent) => {
    this.matches = event.matches;
    this.host.requestUpdate();
  };

  constructor(private readonly host: ReactiveControllerHost, private readonly query: string) {
    host.addController(this);
  }

  hostConnected(): void {
    this.list = globalThis.matchMedia?.(this.query);
    this.matches = this.list?.matches ?? false;
    this.list?.addEventListener('change', this.onChange);
  }

  hostDisconnected(): void {
    this.list?.removeEventListener('change', this.onChange);
    this.list = undefined;
  }
}
