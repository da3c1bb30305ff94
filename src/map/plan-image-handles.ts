/**
 * Placing a plan image by hand: four draggable corner handles (MapLibre markers whose elements are buttons, so
 * each can be reached with Tab and nudged with the arrow keys: 1 pixel, 10 with Shift; Enter is "done", Escape
 * "cancel"). Each move reports all four corners; the image itself is drawn by the scene from the state.
 */
import { Marker } from 'maplibre-gl';
import type { MapView } from './map-view.ts';

type Corner = [number, number];
export type FourCorners = [Corner, Corner, Corner, Corner];

export interface CornerHandleOptions {
  /** the four handles' accessible names (upper left, upper right, lower right, lower left) */
  labels: readonly [string, string, string, string];
  /** the corners moved (every drag step and every nudge) */
  onMove: (corners: FourCorners) => void;
  onDone: () => void;
  onCancel: () => void;
}

const NUDGE: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

function handleElement(label: string, index: number): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'plan-image-handle';
  button.dataset.corner = String(index);
  button.setAttribute('aria-label', label);
  Object.assign(button.style, {
    width: '22px', height: '22px', borderRadius: '50%', border: '3px solid #14324a', background: '#ffffff', padding: '0',
    boxShadow: '0 0 0 2px #ffffff', cursor: 'grab',
  });
  button.addEventListener('focus', () => { button.style.outline = '3px solid #b45309'; });
  button.addEventListener('blur', () => { button.style.outline = ''; });
  return button;
}

/** Four corners covering the middle of the view with the image's aspect (width ÷ height) kept. */
export function cornersOverView(view: MapView, width: number, height: number): FourCorners {
  const canvas = view.map.getCanvas();
  const viewWidth = canvas.clientWidth || 800;
  const viewHeight = canvas.clientHeight || 600;
  const scale = Math.min((viewWidth * 0.6) / width, (viewHeight * 0.6) / height);
  const w = width * scale;
  const h = height * scale;
  const left = (viewWidth - w) / 2;
  const top = (viewHeight - h) / 2;
  const at = (x: number, y: number): Corner => {
    const { lng, lat } = view.map.unproject([x, y]);
    return [lng, lat];
  };
  return [at(left, top), at(left + w, top), at(left + w, top + h), at(left, top + h)];
}

export class CornerHandles {
  private readonly markers: Marker[];
  private corners: FourCorners;

  constructor(private readonly view: MapView, corners: FourCorners, private readonly options: CornerHandleOptions) {
    this.corners = corners.map(([x, y]) => [x, y]) as FourCorners;
    this.markers = this.corners.map((corner, index) => {
      const element = handleElement(options.labels[index]!, index);
      const marker = new Marker({ element, draggable: true }).setLngLat(corner).addTo(view.map);
      marker.on('drag', () => this.moved(index, marker));
      marker.on('dragend', () => this.moved(index, marker));
      element.addEventListener('keydown', (event) => this.key(event, index));
      return marker;
    });
  }

  /** Moves the handles to corners set elsewhere (no report). */
  update(corners: FourCorners): void {
    this.corners = corners.map(([x, y]) => [x, y]) as FourCorners;
    this.markers.forEach((marker, index) => marker.setLngLat(this.corners[index]!));
  }

  /** The first handle, for focus. */
  get firstHandle(): HTMLElement | undefined {
    return this.markers[0]?.getElement();
  }

  dispose(): void {
    for (const marker of this.markers) marker.remove();
    this.markers.length = 0;
  }

  private moved(index: number, marker: Marker): void {
    const { lng, lat } = marker.getLngLat();
    this.corners = this.corners.map((corner, at) => (at === index ? [lng, lat] : corner)) as FourCorners;
    this.options.onMove(this.corners);
  }

  private key(event: KeyboardEvent, index: number): void {
    const step = NUDGE[event.key];
    if (step) {
      event.preventDefault();
      event.stopPropagation();
      const distance = event.shiftKey ? 10 : 1;
      const marker = this.markers[index]!;
      const point = this.view.map.project(marker.getLngLat());
      marker.setLngLat(this.view.map.unproject([point.x + step[0] * distance, point.y + step[1] * distance]));
      this.moved(index, marker);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      this.options.onDone();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.options.onCancel();
    }
  }
}
