/**
 * A plan image over the map (fixtures by scripts/fixtures/make-plan-image-fixtures.ts: a 60 × 40 px magenta PNG
 * with a .pgw and .prj in CGCS2000 3° GK zone 39). Dropped on the map it is drawn where its world file puts it:
 * the test works out the four corners itself from the world file (proj4, EPSG:4527's definition), projects
 * them with the map, and finds magenta inside that box and none in a band around it. Opacity, above / below,
 * reload (IndexedDB), removal, placing an image without a world file by dragging its corners, a world file
 * without .prj (the planner names the system), bad inputs refused with a message and the map unchanged, the PNG
 * export and compare's second map, and no request off the origin.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import proj4 from 'proj4';
import { isSameOrigin, waitUntil } from '../helpers/app-page.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import { PLAN_IMAGE, PLAN_IMAGE_FIXTURES, PLAN_IMAGE_WORLD, writePlanImageFixtures } from '../../scripts/fixtures/make-plan-image-fixtures.ts';

writePlanImageFixtures();
const fixture = (name: string) => ({ name, base64: readFileSync(join(PLAN_IMAGE_FIXTURES, name)).toString('base64') });
const EPSG_4527 = '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=39500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';

/** The image's outer corners from the world file, worked out here: the upper-left pixel's centre less half a pixel. */
function expectedCorners(): [number, number][] {
  const [a, d, b, e, c, f] = PLAN_IMAGE_WORLD as [number, number, number, number, number, number];
  const at = (column: number, row: number): [number, number] => [a * column + b * row + c, d * column + e * row + f];
  const { width, height } = PLAN_IMAGE;
  const toWgs84 = proj4(EPSG_4527, 'WGS84');
  return [at(-0.5, -0.5), at(width - 0.5, -0.5), at(width - 0.5, height - 0.5), at(-0.5, height - 0.5)].map((corner) => toWgs84.forward(corner) as [number, number]);
}
const CORNERS = expectedCorners();
const CENTRE = [CORNERS.reduce((sum, [x]) => sum + x / 4, 0), CORNERS.reduce((sum, [, y]) => sum + y / 4, 0)];

/** Drops files on the map's canvas container as a browser would. */
async function dropOnMap(page: Page, files: { name: string; base64: string }[]): Promise<void> {
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const { name, base64 } of list) transfer.items.add(new File([Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))], name));
    const target = document.querySelector('#map .maplibregl-canvas-container') ?? document.querySelector('#map')!;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
}

const emit = (page: Page, type: string, detail: unknown) => page.evaluate(({ type, detail }) => {
  document.querySelector('plan-app')!.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}, { type, detail });

const images = (page: Page) => page.evaluate('globalThis.__plan.store.getState().planImages.images.map(({ id, name, corners, opacity, position, visible, placement }) => ({ id, name, corners, opacity, position, visible, placement }))') as Promise<{ id: string; name: string; corners: [number, number][]; opacity: number; position: string; visible: boolean; placement: string }[]>;

async function settled(page: Page): Promise<void> {
  await waitUntil(page, 'globalThis.__plan.map.loaded() && !globalThis.__plan.map.isMoving() && globalThis.__plan.map.areTilesLoaded()', 60_000);
  await page.evaluate('new Promise((resolve) => { globalThis.__plan.map.once("idle", resolve); globalThis.__plan.map.triggerRepaint(); })');
}

/** The map at `zoom` over the image's centre; the screen box of the expected corners (map canvas pixels). */
async function lookAtImage(page: Page, zoom = 14, across = 0.5): Promise<{ box: { left: number; top: number; right: number; bottom: number }; canvas: { x: number; y: number; width: number; height: number } }> {
  await page.evaluate(`globalThis.__plan.map.jumpTo({ center: ${JSON.stringify(CENTRE)}, zoom: ${zoom}, bearing: 0, pitch: 0 })`);
  // the image `across` the map's width (left of a panel over the map)
  await page.evaluate(`(() => { const map = globalThis.__plan.map; const { width, height } = map.getCanvas().getBoundingClientRect(); map.jumpTo({ center: map.unproject([width * (1 - ${across}), height / 2]) }); })()`);
  await settled(page);
  return page.evaluate(`(() => {
    const map = globalThis.__plan.map;
    const points = ${JSON.stringify(CORNERS)}.map((corner) => map.project(corner));
    const rect = map.getCanvas().getBoundingClientRect();
    return {
      box: { left: Math.min(...points.map((p) => p.x)), right: Math.max(...points.map((p) => p.x)), top: Math.min(...points.map((p) => p.y)), bottom: Math.max(...points.map((p) => p.y)) },
      canvas: { x: rect.left, y: rect.top, width: rect.width, height: rect.height },
    };
  })()`);
}

type Rgb = [number, number, number];
/**
 * Pixels of `colour` (within `tolerance` per channel) in a PNG: inside `box` shrunk by `inset`, and in the band
 * from `gap` to `band` px outside it.
 */
async function colourCounts(page: Page, png: Buffer, box: { left: number; top: number; right: number; bottom: number }, colour: Rgb, tolerance: number, inset = 2, gap = 3, band = 15): Promise<{ inside: number; insideTotal: number; outside: number; outsideTotal: number }> {
  return page.evaluate(async ({ base64, box, colour, tolerance, inset, gap, band }) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
    const counts = { inside: 0, insideTotal: 0, outside: 0, outsideTotal: 0 };
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const px = x + 0.5, py = y + 0.5;
        const i = (y * width + x) * 4;
        const match = Math.abs(data[i]! - colour[0]) <= tolerance && Math.abs(data[i + 1]! - colour[1]) <= tolerance && Math.abs(data[i + 2]! - colour[2]) <= tolerance;
        if (px > box.left + inset && px < box.right - inset && py > box.top + inset && py < box.bottom - inset) {
          counts.insideTotal++;
          if (match) counts.inside++;
        } else {
          const dx = Math.max(box.left - px, px - box.right, 0);
          const dy = Math.max(box.top - py, py - box.bottom, 0);
          const distance = Math.max(dx, dy);
          if (distance >= gap && distance <= band) {
            counts.outsideTotal++;
            if (match) counts.outside++;
          }
        }
      }
    }
    return counts;
  }, { base64: png.toString('base64'), box, colour, tolerance, inset, gap, band });
}

async function screenCounts(page: Page, colour: Rgb, tolerance: number) {
  const { box, canvas } = await lookAtImage(page);
  const png = await page.screenshot({ clip: canvas });
  return colourCounts(page, png, box, colour, tolerance);
}

const MAGENTA = PLAN_IMAGE.colour as unknown as Rgb;

async function openMap(chromium: ReturnType<typeof useBrowser>, hash = '#lang=en') {
  const app = await chromium.open(`${inject('baseUrl')}${hash}`, { reducedMotion: 'reduce' });
  await waitUntil(app.page, "!!document.querySelector('plan-image-layers') && !!document.querySelector('plan-import-panel')", 60_000);
  return app;
}

describe('a plan image with its world file', () => {
  const chromium = useBrowser();

  it('is drawn where the world file puts it, with its opacity, above or below the plan, remembered after reload and removable', { timeout: 240_000 }, async () => {
    const app = await openMap(chromium);
    const { page } = app;
    await dropOnMap(page, [fixture('plan-gk39.png'), fixture('plan-gk39.pgw'), fixture('plan-gk39.prj')]);
    await waitUntil(page, 'globalThis.__plan.store.getState().planImages.images.length === 1', 60_000);
    const [image] = await images(page);
    expect(image).toMatchObject({ name: 'plan-gk39.png', placement: 'world-file', position: 'above', visible: true });
    image!.corners.forEach((corner, index) => {
      expect(corner[0]).toBeCloseTo(CORNERS[index]![0], 9);
      expect(corner[1]).toBeCloseTo(CORNERS[index]![1], 9);
    });
    expect(await page.locator('[data-testid=status]').textContent()).toContain('CGCS2000 / 3-degree Gauss-Kruger zone 39');
    await expect.poll(() => page.locator('plan-image-layers li[data-plan-image]').count()).toBe(1);

    await emit(page, 'plan-image-opacity', { id: image!.id, opacity: 1 });
    const opaque = await screenCounts(page, MAGENTA, 6);
    expect(opaque.insideTotal).toBeGreaterThan(500);
    expect(opaque.inside / opaque.insideTotal, 'magenta fills the image box').toBeGreaterThan(0.99);
    expect(opaque.outside, 'no magenta beyond the image edges').toBe(0);

    // half opacity: the colour is mixed with what lies under it, nowhere pure magenta
    await emit(page, 'plan-image-opacity', { id: image!.id, opacity: 0.5 });
    const half = await screenCounts(page, MAGENTA, 6);
    expect(half.inside).toBe(0);
    const mixed = await screenCounts(page, [255, 127, 255], 40);
    expect(mixed.inside / mixed.insideTotal).toBeGreaterThan(0.5);

    // below the plan layers: the first layer drawn; above: over the labels
    await emit(page, 'plan-image-opacity', { id: image!.id, opacity: 1 });
    await emit(page, 'plan-image-position', { id: image!.id, position: 'below' });
    await waitUntil(page, "globalThis.__plan.map.getStyle().layers[0].id.startsWith('plan-image:')");
    const order = await page.evaluate('globalThis.__plan.map.getStyle().layers.map((layer) => layer.id)') as string[];
    expect(order[0]).toBe(`plan-image:${image!.id}`);
    await emit(page, 'plan-image-position', { id: image!.id, position: 'above' });
    await waitUntil(page, "globalThis.__plan.map.getStyle().layers.findIndex((layer) => layer.id.startsWith('plan-image:')) > globalThis.__plan.map.getStyle().layers.findIndex((layer) => layer.type === 'symbol')");

    // the legend names it
    await expect.poll(() => page.evaluate('globalThis.__plan.store.getState().legend.some((row) => row.label === "plan-gk39.png")')).toBe(true);

    // saved on this device: a reload draws it again, with its settings
    await emit(page, 'plan-image-opacity', { id: image!.id, opacity: 0.65 });
    await expect.poll(() => page.evaluate(`new Promise((resolve) => {
      const open = indexedDB.open('plan-images');
      open.onsuccess = () => { const get = open.result.transaction('files').objectStore('files').get(${JSON.stringify(image!.id)}); get.onsuccess = () => resolve(get.result?.opacity ?? null); };
    })`)).toBe(0.65);
    await page.reload();
    await waitUntil(page, 'globalThis.__plan?.store?.getState().planImages.images.length === 1', 60_000);
    expect((await images(page))[0]).toMatchObject({ id: image!.id, opacity: 0.65, placement: 'world-file' });
    await emit(page, 'plan-image-opacity', { id: image!.id, opacity: 1 });
    const restored = await screenCounts(page, MAGENTA, 6);
    expect(restored.inside / restored.insideTotal).toBeGreaterThan(0.99);
    expect(restored.outside).toBe(0);

    // removed: gone from the map, and after a reload
    await page.locator(`plan-image-layers li[data-plan-image="${image!.id}"] button[data-action=remove]`).click();
    await waitUntil(page, 'globalThis.__plan.store.getState().planImages.images.length === 0');
    await waitUntil(page, `!globalThis.__plan.map.getLayer(${JSON.stringify(`plan-image:${image!.id}`)})`);
    await expect.poll(() => page.evaluate(`new Promise((resolve) => {
      const open = indexedDB.open('plan-images');
      open.onsuccess = () => { const count = open.result.transaction('files').objectStore('files').count(); count.onsuccess = () => resolve(count.result); };
    })`)).toBe(0);
    await page.reload();
    await waitUntil(page, "!!document.querySelector('plan-image-layers')", 60_000);
    await settled(page);
    expect(await images(page)).toEqual([]);

    const origin = new URL(inject('baseUrl')).origin;
    expect(app.requests.filter((url) => !isSameOrigin(url, origin))).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('is read from a zip, and from a world file without .prj once the planner names its system', { timeout: 240_000 }, async () => {
    const app = await openMap(chromium);
    const { page } = app;
    await dropOnMap(page, [fixture('plan-gk39.zip')]);
    await waitUntil(page, 'globalThis.__plan.store.getState().planImages.images.length === 1', 60_000);
    const [zipped] = await images(page);
    expect(zipped!.corners[0]![0]).toBeCloseTo(CORNERS[0]![0], 9);
    await emit(page, 'plan-image-remove', { id: zipped!.id });
    await waitUntil(page, 'globalThis.__plan.store.getState().planImages.images.length === 0');

    // no .prj: nothing is placed until the planner says which system; the numbers suggest zone 39 (EPSG:4527)
    await dropOnMap(page, [fixture('plan-gk39.png'), fixture('plan-gk39.pgw')]);
    await waitUntil(page, "!!document.querySelector('plan-image-layers')?.shadowRoot?.querySelector('[data-plan-image-question]')", 60_000);
    expect((await images(page)).length).toBe(0);
    expect(await page.locator('plan-image-layers #plan-image-system').inputValue()).toBe('EPSG:4527');
    await page.locator('plan-image-layers #plan-image-system').selectOption('EPSG:4548');
    await page.locator('plan-image-layers button[data-action=answer]').click();
    // in zone 39 without the prefix the eastings (39 504 000 m) are far outside China: refused, the map unchanged
    await expect.poll(() => page.locator('[data-testid=alert]').textContent()).toMatch(/The map is unchanged/);
    expect((await images(page)).length).toBe(0);
    await dropOnMap(page, [fixture('plan-gk39.png'), fixture('plan-gk39.pgw')]);
    await waitUntil(page, "!!document.querySelector('plan-image-layers')?.shadowRoot?.querySelector('[data-plan-image-question]')", 60_000);
    await page.locator('plan-image-layers button[data-action=answer]').click();
    await waitUntil(page, 'globalThis.__plan.store.getState().planImages.images.length === 1', 60_000);
    const [named] = await images(page);
    named!.corners.forEach((corner, index) => expect(corner[0]).toBeCloseTo(CORNERS[index]![0], 9));
    expect(await page.locator('plan-image-layers [data-plan-image-question]').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('refuses bad input with a message and leaves the map as it was', { timeout: 240_000 }, async () => {
    const app = await openMap(chromium);
    const { page } = app;
    await settled(page);
    const layersBefore = await page.evaluate('globalThis.__plan.map.getStyle().layers.map((layer) => layer.id)');
    const cases: { files: { name: string; base64: string }[]; says: RegExp }[] = [
      { files: [fixture('plan-gk39.png'), { ...fixture('bad-five-lines.pgw'), name: 'plan-gk39.pgw' }, fixture('plan-gk39.prj')], says: /plan-gk39\.pgw must be 6 lines of numbers; it has 5/ },
      { files: [fixture('plan-gk39.png'), fixture('plan-gk39.pgw'), { ...fixture('bad-unknown.prj'), name: 'plan-gk39.prj' }], says: /\.prj of plan-gk39\.png names a coordinate system this map cannot read/ },
      { files: [fixture('bad-damaged.png'), fixture('plan-gk39.pgw'), fixture('plan-gk39.prj')], says: /browser cannot decode the image bad-damaged\.png/ },
      { files: [fixture('bad-not-image.png'), fixture('plan-gk39.pgw')], says: /bad-not-image\.png is not a readable PNG or JPEG/ },
      { files: [fixture('plan-gk39.png'), { ...fixture('bad-far.pgw'), name: 'plan-gk39.pgw' }, fixture('plan-gk39.prj')], says: /plan-gk39\.png lands near .* nowhere near the Start-up Area/ },
      { files: [{ name: 'plan.tif', base64: Buffer.from('II*\0').toString('base64') }, fixture('plan-gk39.pgw')], says: /plan\.tif: this image format cannot be drawn/ },
    ];
    for (const { files, says } of cases) {
      await dropOnMap(page, files);
      await expect.poll(() => page.locator('[data-testid=alert]').textContent(), { timeout: 30_000 }).toMatch(says);
      expect(await page.locator('[data-testid=alert]').textContent()).toMatch(/The map is unchanged\.$/);
      expect(await images(page)).toEqual([]);
      expect(await page.evaluate('globalThis.__plan.map.getStyle().layers.map((layer) => layer.id)')).toEqual(layersBefore);
    }
    // the same in Chinese
    await page.locator('plan-app button.lang').click();
    await waitUntil(page, "globalThis.__plan.store.getState().lang === 'zh'");
    await dropOnMap(page, [fixture('plan-gk39.png'), { ...fixture('bad-five-lines.pgw'), name: 'plan-gk39.pgw' }]);
    await expect.poll(() => page.locator('[data-testid=alert]').textContent()).toBe('世界文件 plan-gk39.pgw 应为 6 行数字，实际为 5 行。 地图未改变。');
    const origin = new URL(inject('baseUrl')).origin;
    expect(app.requests.filter((url) => !isSameOrigin(url, origin))).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('without a world file is placed by dragging its corners, with the mouse or the keyboard', { timeout: 240_000 }, async () => {
    const app = await openMap(chromium);
    const { page } = app;
    await page.evaluate(`globalThis.__plan.map.jumpTo({ center: ${JSON.stringify(CENTRE)}, zoom: 13, bearing: 0, pitch: 0 })`);
    await settled(page);
    await dropOnMap(page, [fixture('sketch.png')]);
    await waitUntil(page, 'globalThis.__plan.store.getState().planImages.placing !== null', 60_000);
    const [placed] = await images(page);
    expect(placed).toMatchObject({ name: 'sketch.png', placement: 'manual' });
    // over the view, its aspect (40 × 20) kept
    const sides = await page.evaluate(`(() => {
      const map = globalThis.__plan.map;
      const [a, b, , d] = ${JSON.stringify(placed!.corners)}.map((corner) => map.project(corner));
      return [Math.hypot(b.x - a.x, b.y - a.y), Math.hypot(d.x - a.x, d.y - a.y)];
    })()`) as [number, number];
    expect(sides[0] / sides[1]).toBeCloseTo(2, 1);
    await expect.poll(() => page.locator('.plan-image-handle').count()).toBe(4);

    // drag the upper-left handle 60 px left and 40 px up
    const handle = page.locator('.plan-image-handle[data-corner="0"]');
    const start = (await handle.boundingBox())!;
    const from = { x: start.x + start.width / 2, y: start.y + start.height / 2 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let step = 1; step <= 6; step++) await page.mouse.move(from.x - 10 * step, from.y - (40 / 6) * step);
    await page.mouse.up();
    const expectedCorner = await page.evaluate(`(() => {
      const rect = globalThis.__plan.map.getCanvas().getBoundingClientRect();
      const { lng, lat } = globalThis.__plan.map.unproject([${from.x - 60} - rect.left, ${from.y - 40} - rect.top]);
      return [lng, lat];
    })()`) as [number, number];
    await expect.poll(async () => (await images(page))[0]!.corners[0]![0]).toBeCloseTo(expectedCorner[0], 4);
    expect((await images(page))[0]!.corners[0]![1]).toBeCloseTo(expectedCorner[1], 4);

    // the lower-right handle nudged 3 × 10 px right with Shift + arrow keys
    const before = (await images(page))[0]!.corners[2]!;
    const beforePx = await page.evaluate(`globalThis.__plan.map.project(${JSON.stringify(before)})`) as { x: number; y: number };
    await page.locator('.plan-image-handle[data-corner="2"]').focus();
    for (let press = 0; press < 3; press++) await page.keyboard.press('Shift+ArrowRight');
    const afterPx = await page.evaluate(`globalThis.__plan.map.project(globalThis.__plan.store.getState().planImages.images[0].corners[2])`) as { x: number; y: number };
    expect(afterPx.x - beforePx.x).toBeCloseTo(30, 0);
    expect(afterPx.y - beforePx.y).toBeCloseTo(0, 0);

    // Done: placed by hand, saved, handles gone
    await page.locator('plan-image-layers button[data-action=place-done]').click();
    await waitUntil(page, 'globalThis.__plan.store.getState().planImages.placing === null');
    await expect.poll(() => page.locator('.plan-image-handle').count()).toBe(0);
    const [done] = await images(page);
    expect(done!.placement).toBe('manual');
    // drawn there: the sketch's colour at the middle of its corners
    await emit(page, 'plan-image-opacity', { id: done!.id, opacity: 1 });
    await settled(page);
    const middle = await page.evaluate(`(() => {
      const map = globalThis.__plan.map;
      const points = ${JSON.stringify(done!.corners)}.map((corner) => map.project(corner));
      const rect = map.getCanvas().getBoundingClientRect();
      return { x: rect.left + points.reduce((s, p) => s + p.x / 4, 0), y: rect.top + points.reduce((s, p) => s + p.y / 4, 0), clip: { x: rect.left, y: rect.top, width: rect.width, height: rect.height } };
    })()`) as { x: number; y: number; clip: { x: number; y: number; width: number; height: number } };
    const shot = await page.screenshot({ clip: { x: middle.x - 3, y: middle.y - 3, width: 7, height: 7 } });
    const counts = await colourCounts(page, shot, { left: 0, top: 0, right: 7, bottom: 7 }, [0, 200, 255], 8, 0);
    expect(counts.inside / counts.insideTotal).toBeGreaterThan(0.9);

    // re-placing and cancelling puts the corners back
    await page.locator(`plan-image-layers li[data-plan-image="${done!.id}"] button[data-action=place]`).click();
    await expect.poll(() => page.locator('.plan-image-handle').count()).toBe(4);
    await page.locator('.plan-image-handle[data-corner="1"]').focus();
    await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('Escape');
    await waitUntil(page, 'globalThis.__plan.store.getState().planImages.placing === null');
    expect((await images(page))[0]!.corners).toEqual(done!.corners);
    expect(app.errors).toEqual([]);
  });

  it('is in the PNG export where the screen shows it, and on compare\'s second map', { timeout: 300_000 }, async () => {
    const app = await openMap(chromium);
    const { page } = app;
    await dropOnMap(page, [fixture('plan-gk39.png'), fixture('plan-gk39.pgw'), fixture('plan-gk39.prj')]);
    await waitUntil(page, 'globalThis.__plan.store.getState().planImages.images.length === 1', 60_000);
    const [image] = await images(page);
    await emit(page, 'plan-image-opacity', { id: image!.id, opacity: 1 });
    await page.locator('[data-testid=open-slides]').click();
    await page.locator('plan-deck-panel [data-action=png-full]').waitFor();
    const { box, canvas } = await lookAtImage(page, 14, 0.3);
    const screen = await colourCounts(page, await page.screenshot({ clip: canvas }), box, MAGENTA, 6);
    expect(screen.inside / screen.insideTotal).toBeGreaterThan(0.99);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 250_000 }),
      page.locator('plan-deck-panel [data-action=png-full]').click(),
    ]);
    const png = readFileSync(await download.path());
    const size = await page.evaluate(async (base64) => {
      const picture = new Image();
      picture.src = `data:image/png;base64,${base64}`;
      await picture.decode();
      return { width: picture.naturalWidth, height: picture.naturalHeight };
    }, png.toString('base64'));
    // the export keeps the centre and scales the view to its size
    const scale = Math.min(size.width / canvas.width, size.height / canvas.height);
    const x = (value: number) => size.width / 2 + (value - canvas.width / 2) * scale;
    const y = (value: number) => size.height / 2 + (value - canvas.height / 2) * scale;
    const exported = await colourCounts(page, png, { left: x(box.left), right: x(box.right), top: y(box.top), bottom: y(box.bottom) }, MAGENTA, 6, 3, 5, 20);
    expect(exported.insideTotal).toBeGreaterThan(500);
    expect(exported.inside / exported.insideTotal, 'magenta fills the image box in the export').toBeGreaterThan(0.98);
    expect(exported.outside, 'no magenta beyond it').toBe(0);

    // compare's second map draws it too, with its opacity, and follows a change
    await emit(page, 'plan-compare', { command: 'start', preset: 'years' });
    const layer = `plan-image:${image!.id}`;
    const secondOpacity = `globalThis.__plan.compareMap?.getLayer(${JSON.stringify(layer)}) ? globalThis.__plan.compareMap.getPaintProperty(${JSON.stringify(layer)}, 'raster-opacity') : null`;
    await expect.poll(() => page.evaluate(secondOpacity), { timeout: 60_000 }).toBe(1);
    await emit(page, 'plan-image-opacity', { id: image!.id, opacity: 0.4 });
    await expect.poll(() => page.evaluate(secondOpacity)).toBe(0.4);
    const origin = new URL(inject('baseUrl')).origin;
    expect(app.requests.filter((url) => !isSameOrigin(url, origin))).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
