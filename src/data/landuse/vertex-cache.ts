/**
 * Remembers the last projected positions by their exact file coordinates, so a vertex that neighbouring parcels
 * share (every vertex of a parcel layer's inner boundaries, usually written by neighbouring records) is projected
 * once. Direct-mapped: a slot per hash of the coordinates' bits, overwritten on a collision, so the memory stays
 * fixed (four numbers a slot) and a miss costs one projection, as without the cache. Every call still returns a
 * new array: nothing is shared between features.
 * @param project - the projector (file coordinates → longitude, latitude)
 * @param slotsLog2 - the cache holds 2^slotsLog2 positions (default 65 536: 2 MB)
 */
export function withVertexCache(project: (x: number, y: number) => [number, number], slotsLog2 = 16): (x: number, y: number) => [number, number] {
  const slots = 1 << slotsLog2;
  const mask = slots - 1;
  const keys = new Float64Array(slots * 2).fill(NaN);
  const values = new Float64Array(slots * 2);
  const bits = new Float64Array(2);
  const words = new Int32Array(bits.buffer);
  return (x: number, y: number): [number, number] => {
    bits[0] = x;
    bits[1] = y;
    const hash = Math.imul(words[0] ^ Math.imul(words[1], 0x27d4eb2d) ^ Math.imul(words[2], 0x165667b1) ^ Math.imul(words[3], 0x9e3779b1), 0x85ebca6b);
    const slot = ((hash ^ (hash >>> 15)) & mask) * 2;
    if (keys[slot] === x && keys[slot + 1] === y) return [values[slot], values[slot + 1]];
    const position = project(x, y);
    keys[slot] = x;
    keys[slot + 1] = y;
    values[slot] = position[0];
    values[slot + 1] = position[1];
    return position;
  };
}
