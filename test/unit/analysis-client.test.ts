import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { AnalysisDisposedError, createAnalysisClient } from '../../src/app/analysis/analysis-client.ts';
import type { ToClientMessage, ToWorkerMessage } from '../../src/app/analysis/analysis-protocol.ts';

/** A hand-driven stand-in for the worker: records messages, answers when the test says so. */
class FakeWorker {
  sent: ToWorkerMessage[] = [];
  terminated = false;
  private listeners = new Map<string, ((event: unknown) => void)[]>();
  addEventListener(type: string, listener: (event: unknown) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  postMessage(message: ToWorkerMessage): void {
    this.sent.push(structuredClone(message));
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(type: string, event: unknown): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
  reply(message: ToClientMessage): void {
    this.emit('message', { data: message });
  }
  requests() {
    return this.sent.filter((message) => message.type === 'request');
  }
}

const square = (x: number): Feature => ({
  type: 'Feature', properties: { id: `sq${x}` },
  geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] },
});
const figures = (tag: number) => ({ ok: false as const, issues: [{ reason: 'zero-area' as const, severity: 'error' as const, message: String(tag) }] });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('analysis client', () => {
  it('sends the three layers once, then answers requests by id', async () => {
    const fake = new FakeWorker();
    const client = createAnalysisClient({}, () => fake as unknown as Worker);
    expect(fake.sent[0]?.type).toBe('init');
    fake.reply({ type: 'ready', prepareMilliseconds: 5, issues: [] });
    await expect(client.ready).resolves.toEqual({ prepareMilliseconds: 5 });
    const whole = client.whole(['water']);
    const request = fake.requests()[0];
    expect(request).toMatchObject({ kind: 'whole', classes: ['water'] });
    fake.reply({ type: 'error', requestId: (request as { requestId: number }).requestId, message: 'boom' });
    await expect(whole).rejects.toThrow('boom');
  });

  it('latest wins: a newer region call replaces a waiting one; both callers get the newest result', async () => {
    const fake = new FakeWorker();
    const client = createAnalysisClient({}, () => fake as unknown as Worker);
    const first = client.region(square(1), ['water']);
    const second = client.region(square(2), ['water']);
    const third = client.region(square(3), ['water']);
    // Only the first is in flight; 2 was superseded by 3 before it was sent.
    expect(fake.requests()).toHaveLength(1);
    const [inFlight] = fake.requests() as { requestId: number }[];
    fake.reply({ type: 'result', requestId: inFlight.requestId, value: figures(1) });
    await expect(first).resolves.toEqual(figures(1));
    await flush();
    const sent = fake.requests() as { requestId: number; feature: Feature }[];
    expect(sent).toHaveLength(2);
    expect(sent[1].feature.properties?.id).toBe('sq3');
    fake.reply({ type: 'result', requestId: sent[1].requestId, value: figures(3) });
    await expect(second).resolves.toEqual(figures(3));
    await expect(third).resolves.toEqual(figures(3));
  });

  it('sends extra blue-green Blobs as a request, in order before later requests', async () => {
    const fake = new FakeWorker();
    const client = createAnalysisClient({}, () => fake as unknown as Worker);
    const blob = new Blob(['{"type":"FeatureCollection","features":[]}']);
    const counted = client.setExtraBlueGreen([blob]);
    void client.whole(['water']);
    const [extra, whole] = fake.requests() as ({ requestId: number; kind: string; blobs?: Blob[] })[];
    expect(extra).toMatchObject({ kind: 'extra-blue-green' });
    expect(await extra!.blobs![0]!.text()).toBe('{"type":"FeatureCollection","features":[]}');
    expect(whole).toMatchObject({ kind: 'whole' });
    fake.reply({ type: 'result', requestId: extra!.requestId, value: { polygonCount: 0 } });
    await expect(counted).resolves.toEqual({ polygonCount: 0 });
  });

  it('separate channels do not supersede each other', async () => {
    const fake = new FakeWorker();
    const client = createAnalysisClient({}, () => fake as unknown as Worker);
    void client.region(square(1), ['water'], 'study');
    void client.region(square(2), ['water'], 'cluster');
    expect(fake.requests()).toHaveLength(2);
  });

  it('a worker error rejects pending calls and later ones; dispose terminates', async () => {
    const fake = new FakeWorker();
    const client = createAnalysisClient({}, () => fake as unknown as Worker);
    const pending = client.whole(['water']);
    fake.emit('error', { message: 'script failed', preventDefault() {} });
    await expect(pending).rejects.toThrow('script failed');
    await expect(client.ready).rejects.toThrow('script failed');
    await expect(client.table([], ['water'])).rejects.toThrow('script failed');
    client.dispose();
    expect(fake.terminated).toBe(true);
    await expect(client.whole(['water'])).rejects.toBeInstanceOf(AnalysisDisposedError);
  });
});
