import type { Feature } from 'geojson';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { MapView } from './map-view.ts';
import type { Geodata } from '../data/geodata.ts';
import { mapSceneOf } from './scene/map-scene.ts';
import { spotlightMask } from '../core/deck/spotlight-mask.ts';
import { sceneOf, styleScene } from './scene/scene-of.ts';
import { SceneApplier, type SceneMap } from './scene/apply-scene.ts';
import { browserResources } from './scene/browser-resources.ts';
import type { Lang } from '../i18n/messages.ts';
import { legendRows } from './legend-rows.ts';

/** The page's own fonts, so Chinese renders as in the app (no web font is loaded). */
const FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';

export interface PngExportInput {
  view: MapView;
  data: Geodata;
  visibility: Record<string, boolean>;
  lang: Lang;
  year: number;
  highlight: readonly Feature[];
  spotlight: boolean;
  width: number;
  height: number;
  title: string;
  subtitle: string;
  legendTitle: string;
  /** labels of the visible catalog layers, by catalog id */
  layerLabels: Record<string, string>;
  sources: string;
  date: string;
  north: string;
}

/**
 * The scene of the screen's map (src/map/scene), with the slide's highlight and no hover: an export draws what
 * the screen draws — plan layers with their year, visibility, opacity and label size, the land-use parcels,
 * imported layers, study and what-if outlines, measurements — so it never cites a layer it leaves out.
 */
function exportScene(input: PngExportInput) {
  const scene = mapSceneOf(input.view);
  if (!scene) throw new Error('the map draws no scene');
  const slide = input.highlight.length ? { features: input.highlight, mask: input.spotlight ? spotlightMask(input.highlight) : null } : null;
  return sceneOf(scene.inputWith({ hovered: null, slide }));
}

/** Renders the current map state offscreen at `width`×`height` CSS px (pixel ratio 1) and returns its canvas. */
async function renderMapOffscreen(input: PngExportInput): Promise<{ canvas: HTMLCanvasElement; map: MaplibreMap; dispose: () => void }> {
  const source = input.view.map;
  const container = document.createElement('div');
  container.setAttribute('aria-hidden', 'true');
  Object.assign(container.style, {
    position: 'fixed', left: `${-input.width - 100}px`, top: '0', width: `${input.width}px`, height: `${input.height}px`, pointerEvents: 'none',
  });
  document.body.append(container);
  const sourceCanvas = source.getCanvas();
  const scale = Math.min(input.width / Math.max(1, sourceCanvas.clientWidth), input.height / Math.max(1, sourceCanvas.clientHeight));
  const center = source.getCenter();
  const view = new MapView(container, {
    center: [center.lng, center.lat],
    zoom: source.getZoom() + Math.log2(scale),
    bearing: source.getBearing(),
    pitch: source.getPitch(),
    mapOptions: { pixelRatio: 1, interactive: false, fadeDuration: 0, canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true } },
  });
  const applier = new SceneApplier(view.map as unknown as SceneMap, browserResources, styleScene());
  const dispose = () => { applier.dispose(styleScene()); view.destroy(); container.remove(); };
  try {
    const scene = exportScene(input);
    await view.whenLoaded();
    applier.apply(scene);
    await view.whenIdle();
    return { canvas: view.map.getCanvas(), map: view.map, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

function dataUrlToBlob(dataUrl: string): Blob {
  const [header, base64 = ''] = dataUrl.split(',', 2);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return new Blob([bytes], { type: /^data:([^;,]+)/.exec(header)?.[1] ?? 'image/png' });
}

function niceLength(maxMeters: number): number {
  const power = 10 ** Math.floor(Math.log10(maxMeters));
  for (const step of [5, 2, 1]) if (step * power <= maxMeters) return step * power;
  return power;
}

function panel(context: CanvasRenderingContext2D, x: number, y: number, width: number, height: number): void {
  context.fillStyle = 'rgba(255,255,255,0.9)';
  context.strokeStyle = 'rgba(20,50,74,0.35)';
  context.lineWidth = 1;
  context.beginPath();
  context.roundRect(x, y, width, height, 6);
  context.fill();
  context.stroke();
}

/**
 * Draws the map with title, legend of the visible layers, scale bar, north arrow, sources and date into
 * one PNG of exactly `width`×`height` pixels.
 */
export async function exportMapPng(input: PngExportInput): Promise<Blob> {
  const { canvas: mapCanvas, map, dispose } = await renderMapOffscreen(input);
  try {
    const { width, height } = input;
    const unit = Math.max(0.6, Math.min(width / 1920, height / 1080));
    const font = (size: number, weight = 400) => `${weight} ${Math.round(size * unit)}px ${FONT_FAMILY}`;
    const pad = 24 * unit;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2d canvas');
    context.fillStyle = '#f3f1ec';
    context.fillRect(0, 0, width, height);
    context.drawImage(mapCanvas, 0, 0, width, height);
    context.textBaseline = 'top';

    // Title block
    context.font = font(34, 700);
    const titleWidth = Math.max(context.measureText(input.title).width, (context.font = font(22), context.measureText(input.subtitle).width));
    panel(context, pad, pad, titleWidth + 2 * pad, 96 * unit);
    context.fillStyle = '#14324a';
    context.font = font(34, 700);
    context.fillText(input.title, 2 * pad, pad + 14 * unit);
    context.font = font(22);
    context.fillText(input.subtitle, 2 * pad, pad + 60 * unit);

    // Legend
    const rows = legendRows(input.view, input.visibility, input.layerLabels, input.lang);
    const rowHeight = 30 * unit;
    context.font = font(20);
    const legendWidth = Math.max(180 * unit, ...rows.map((row) => context.measureText(row.label).width + 60 * unit)) + pad;
    const legendHeight = 48 * unit + rows.length * rowHeight + pad / 2;
    const legendX = width - legendWidth - pad;
    const legendY = height - legendHeight - 64 * unit;
    panel(context, legendX, legendY, legendWidth, legendHeight);
    context.fillStyle = '#14324a';
    context.font = font(22, 700);
    context.fillText(input.legendTitle, legendX + pad / 2, legendY + 12 * unit);
    context.font = font(20);
    rows.forEach((row, index) => {
      const y = legendY + 48 * unit + index * rowHeight;
      const x = legendX + pad / 2;
      context.fillStyle = row.colour;
      context.strokeStyle = row.colour;
      if (row.kind === 'fill') context.fillRect(x, y + 4 * unit, 32 * unit, 18 * unit);
      else if (row.kind === 'line') { context.lineWidth = 4 * unit; context.beginPath(); context.moveTo(x, y + 13 * unit); context.lineTo(x + 32 * unit, y + 13 * unit); context.stroke(); }
      else { context.beginPath(); context.arc(x + 16 * unit, y + 13 * unit, 8 * unit, 0, Math.PI * 2); context.fill(); }
      context.fillStyle = '#1f2933';
      context.fillText(row.label, x + 44 * unit, y + 2 * unit);
    });

    // Scale bar (Web Mercator, 512 px tiles at pixel ratio 1)
    const latitude = map.getCenter().lat;
    const metersPerPixel = (40075016.686 * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** map.getZoom());
    const meters = niceLength(260 * unit * metersPerPixel);
    const barWidth = meters / metersPerPixel;
    const barX = pad;
    const barY = height - 96 * unit;
    panel(context, barX, barY - 10 * unit, barWidth + 2 * pad + 60 * unit, 50 * unit);
    context.fillStyle = '#1f2933';
    context.fillRect(barX + pad, barY + 18 * unit, barWidth, 6 * unit);
    context.fillRect(barX + pad, barY + 8 * unit, 3 * unit, 16 * unit);
    context.fillRect(barX + pad + barWidth - 3 * unit, barY + 8 * unit, 3 * unit, 16 * unit);
    context.font = font(18);
    context.fillText(meters >= 1000 ? `${meters / 1000} km` : `${meters} m`, barX + pad + barWidth + 10 * unit, barY + 6 * unit);

    // North arrow, turned with the map's bearing
    const arrowX = width - pad - 40 * unit;
    const arrowY = pad + 56 * unit;
    panel(context, arrowX - 36 * unit, pad, 72 * unit, 104 * unit);
    context.save();
    context.translate(arrowX, arrowY);
    context.rotate((-map.getBearing() * Math.PI) / 180);
    context.fillStyle = '#14324a';
    context.beginPath();
    context.moveTo(0, -30 * unit);
    context.lineTo(16 * unit, 26 * unit);
    context.lineTo(0, 14 * unit);
    context.lineTo(-16 * unit, 26 * unit);
    context.closePath();
    context.fill();
    context.restore();
    context.font = font(18, 700);
    context.textAlign = 'center';
    context.fillText(input.north, arrowX, pad + 4 * unit);
    context.textAlign = 'left';

    // Sources and date
    context.font = font(16);
    const footer = `${input.sources}  ·  ${input.date}`;
    panel(context, 0, height - 34 * unit, width, 34 * unit);
    context.fillStyle = '#1f2933';
    context.fillText(footer, pad, height - 26 * unit, width - 2 * pad);

    // toDataURL encodes at once; Chromium's toBlob waits for idle time, which a busy laptop may not have.
    return dataUrlToBlob(canvas.toDataURL('image/png'));
  } finally {
    dispose();
  }
}
