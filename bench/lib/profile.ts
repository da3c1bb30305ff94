/**
 * V8 CPU profiles through CDP (Chromium's own sampling profiler), summarised as self time per function
 * and per script. Used by bench/profile-load.ts and by `BENCH_PROFILE=1` in bench/import.bench.ts.
 */
import type { CDPSession } from 'playwright-core';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }
export interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

export async function startProfiler(cdp: CDPSession, intervalUs = 200): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
}

export async function stopProfiler(cdp: CDPSession): Promise<CpuProfile> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  return profile;
}

/** Self time (ms) per function and per script, largest first; `origin` is stripped from URLs. */
export function selfTimes(profile: CpuProfile, origin = ''): { functions: [string, number][]; scripts: [string, number][] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const functions = new Map<string, number>();
  const scripts = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    if (!node) return;
    const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    const script = (origin ? node.callFrame.url.replace(origin, '') : node.callFrame.url) || '(native)';
    const key = `${node.callFrame.functionName || '(anonymous)'} ${script}:${node.callFrame.lineNumber}`;
    functions.set(key, (functions.get(key) ?? 0) + ms);
    scripts.set(script, (scripts.get(script) ?? 0) + ms);
  });
  const sortDesc = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]);
  return { functions: sortDesc(functions), scripts: sortDesc(scripts) };
}
