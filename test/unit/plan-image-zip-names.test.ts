import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { zipEntryNames } from '../../src/data/plan-image/zip-names.ts';

describe('zipEntryNames', () => {
  it('lists a zip\'s entries from its central directory, reading only the end of the file', async () => {
    const zip = zipSync({ 'plan.png': new Uint8Array(10), 'folder/plan.pgw': new TextEncoder().encode('1\n0\n0\n-1\n0\n0'), '用地.shp': new Uint8Array(300_000).fill(7) }, { level: 0 });
    const blob = new Blob([zip]);
    const read: [number, number][] = [];
    const spy = { size: blob.size, slice: (start?: number, end?: number) => { read.push([start ?? 0, end ?? blob.size]); return blob.slice(start, end); } } as unknown as Blob;
    expect(await zipEntryNames(spy)).toEqual(['plan.png', 'folder/plan.pgw', '用地.shp']);
    // the stored 300 KB entry is never read
    expect(read.reduce((sum, [start, end]) => sum + (end - start), 0)).toBeLessThan(70_000);
  });

  it('gives no names for what is not a zip, or is cut', async () => {
    expect(await zipEntryNames(new Blob(['not a zip at all, just text']))).toEqual([]);
    const zip = zipSync({ 'a.png': new Uint8Array(10) });
    expect(await zipEntryNames(new Blob([zip.subarray(0, zip.length - 10)]))).toEqual([]);
    expect(await zipEntryNames(new Blob([]))).toEqual([]);
  });
});
