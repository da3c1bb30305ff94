import { describe, expect, it } from 'vitest';
import { LatestWins, RequestError, coalesce, isAborted, workerRequests } from '../../src/data/requests/index.ts';
import { FiguresService } from '../../src/app/analysis/figures-service.ts';
import type { AnalysisClient } from '../../src/app/analysis/analysis-client.ts';

/** A hand-driven stand-in for a worker: records what is posted, answers when the test says so. */
class FakeWorker {
  sent: { id: number; question: string }[] = [];
  terminated = false;
  private listeners = new Map<string, ((event: Event) => void)[]>();
  addEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  postMessage(message: { id: number; question: string }): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(type: string, event: object): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event as Event);
  }
  answer(id: number, value: string): void {
    this.emit('message', { data: { kind: 'answer', id, value } });
  }
}

type Answer = { kind: 'answer'; id: number; value: string } | { kind: 'oops'; id: number; message: string } | { kind: 'progress' };

function connect(fake: FakeWorker) {
  return workerRequests<string>(fake, {
    label: 'test',
    message: (id, question) => ({ id, question }),
    answer: (data: Answer) => (data.kind === 'answer' ? { id: data.id, value: data.value } : data.kind === 'oops' ? { id: data.id, error: data.message } : undefined),
  });
}

/** Settles after every pending microtask and the next macrotask (no timing assumptions). */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('worker requests', () => {
  it('matches answers to requests by id, in any order', async () => {
    const fake = new FakeWorker();
    const requests = connect(fake);
    const first = requests.request<string>('a');
    const second = requests.request<string>('b');
    expect(fake.sent.map((message) => message.question)).toEqual(['a', 'b']);
    fake.answer(fake.sent[1]!.id, 'B');
    fake.answer(fake.sent[0]!.id, 'A');
    await expect(first).resolves.toBe('A');
    await expect(second).resolves.toBe('B');
  });

  it('ignores messages that are not answers, and rejects a worker error answer as failed', async () => {
    const fake = new FakeWorker();
    const requests = connect(fake);
    const pending = requests.request('a');
    fake.emit('message', { data: { kind: 'progress' } });
    fake.emit('message', { data: { kind: 'oops', id: fake.sent[0]!.id, message: 'bad region' } });
    await expect(pending).rejects.toMatchObject({ reason: 'failed', message: 'test: bad region' });
  });

  it('an AbortSignal rejects at once as aborted and its late answer is dropped', async () => {
    const fake = new FakeWorker();
    const requests = connect(fake);
    const controller = new AbortController();
    const pending = requests.request('a', { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toSatisfy(isAborted);
    fake.answer(fake.sent[0]!.id, 'late'); // no throw, no effect
    const before = new AbortController();
    before.abort();
    await expect(requests.request('b', { signal: before.signal })).rejects.toBeInstanceOf(RequestError);
    expect(fake.sent).toHaveLength(1); // an already aborted request is not posted
  });

  it('a worker error rejects every pending and later request; terminate rejects as stopped', async () => {
    const fake = new FakeWorker();
    const requests = connect(fake);
    const pending = requests.request('a');
    fake.emit('error', { message: 'script failed', preventDefault() {} });
    await expect(pending).rejects.toMatchObject({ reason: 'failed', message: 'test worker: script failed' });
    await expect(requests.request('b')).rejects.toMatchObject({ reason: 'failed' });

    const other = new FakeWorker();
    const live = connect(other);
    const waiting = live.request('c');
    live.terminate();
    expect(other.terminated).toBe(true);
    await expect(waiting).rejects.toMatchObject({ reason: 'stopped' });
  });
});

describe('latest wins', () => {
  it('a newer run aborts the older: only the newest settles with its value', async () => {
    const latest = new LatestWins('test');
    const signals: AbortSignal[] = [];
    const resolvers: ((value: string) => void)[] = [];
    const run = () => latest.run((signal) => {
      signals.push(signal);
      return new Promise<string>((resolve) => resolvers.push(resolve));
    });
    const older = run();
    const newer = run();
    expect(signals[0]!.aborted).toBe(true);
    expect(signals[1]!.aborted).toBe(false);
    resolvers[1]!('new');
    resolvers[0]!('old');
    await expect(older).rejects.toSatisfy(isAborted);
    await expect(newer).resolves.toBe('new');
  });

  it('passes a failure of the newest run through, and abort() supersedes the current run', async () => {
    const latest = new LatestWins('test');
    await expect(latest.run(() => Promise.reject(new RequestError('failed', 'x')))).rejects.toMatchObject({ reason: 'failed' });
    const waiting = latest.run(() => new Promise(() => undefined));
    latest.abort();
    await expect(waiting).rejects.toSatisfy(isAborted);
  });

  it('coalesce: one in flight, the newest waiting replaces older ones and their callers get its answer', async () => {
    const sent: string[] = [];
    const answers: ((value: string) => void)[] = [];
    const ask = coalesce<string, string>((input) => {
      sent.push(input);
      return new Promise((resolve) => answers.push(resolve));
    }, 'test');
    const first = ask('1');
    const second = ask('2');
    const third = ask('3');
    expect(sent).toEqual(['1']);
    answers[0]!('one');
    await expect(first).resolves.toBe('one');
    await settled();
    expect(sent).toEqual(['1', '3']);
    answers[1]!('three');
    await expect(second).resolves.toBe('three');
    await expect(third).resolves.toBe('three');
  });

  it('coalesce: a caller aborting its signal rejects only that caller', async () => {
    const answers: ((value: string) => void)[] = [];
    const ask = coalesce<string, string>(() => new Promise((resolve) => answers.push(resolve)), 'test');
    void ask('1');
    const controller = new AbortController();
    const mine = ask('2', controller.signal);
    const theirs = ask('3');
    controller.abort();
    await expect(mine).rejects.toSatisfy(isAborted);
    answers[0]!('one');
    await settled();
    answers[1]!('three');
    await expect(theirs).resolves.toBe('three');
  });
});

describe('figures service', () => {
  const client = { ready: Promise.resolve({ prepareMilliseconds: 0 }) } as unknown as AnalysisClient;

  it('a basis nobody provides fails at once with a message in the interface language', async () => {
    const figures = new FiguresService(() => 'en');
    await expect(figures.client('landuse')).rejects.toMatchObject({ reason: 'unavailable', message: expect.stringContaining('land-use layer') });
    const zh = new FiguresService(() => 'zh');
    await expect(zh.client('landuse')).rejects.toMatchObject({ message: expect.stringContaining('用地图层') });
  });

  it('waits for an expected provider, and gives the client once provided; withdraw takes it back', async () => {
    const figures = new FiguresService(() => 'en');
    const done = figures.expect('schematic');
    const waiting = figures.client('schematic');
    const withdraw = figures.provide('schematic', client);
    await expect(waiting).resolves.toBe(client);
    expect(figures.now('schematic')).toBe(client);
    withdraw();
    done();
    expect(figures.now('schematic')).toBeUndefined();
    await expect(figures.client('schematic')).rejects.toMatchObject({ reason: 'unavailable' });
  });

  it('a provider that fails rejects waiting and later requests with its error; a waiting request can be aborted', async () => {
    const figures = new FiguresService(() => 'en');
    const withdraw = figures.expect('schematic');
    const controller = new AbortController();
    const abandoned = figures.client('schematic', controller.signal);
    controller.abort();
    await expect(abandoned).rejects.toSatisfy(isAborted);
    const waiting = figures.client('schematic');
    withdraw(new RequestError('failed', 'analysis worker: script failed'));
    await expect(waiting).rejects.toMatchObject({ reason: 'failed', message: 'analysis worker: script failed' });
    await expect(figures.client('schematic')).rejects.toMatchObject({ reason: 'failed' });
  });

  it('tells subscribers when a client comes and goes', () => {
    const figures = new FiguresService(() => 'en');
    let calls = 0;
    const stop = figures.subscribe(() => calls++);
    const withdraw = figures.provide('landuse', client);
    withdraw();
    stop();
    figures.provide('landuse', client);
    expect(calls).toBe(2);
  });

  it('lists the bases that can be asked: provided, or expected and not failed', () => {
    const figures = new FiguresService(() => 'en');
    const seen: string[][] = [];
    figures.subscribe(() => seen.push(figures.available()));
    const schematicDone = figures.expect('schematic');
    expect(figures.available()).toEqual(['schematic']);
    const withdraw = figures.provide('landuse', client);
    expect(figures.available()).toEqual(['schematic', 'landuse']);
    withdraw();
    schematicDone(new RequestError('failed', 'analysis worker: script failed'));
    expect(figures.available()).toEqual([]);
    expect(seen).toEqual([['schematic'], ['schematic', 'landuse'], ['schematic'], []]);
  });
});
