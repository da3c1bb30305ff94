/**
 * The public GCJ-02 ("Mars coordinates", used by AMap/Gaode, Tencent and most Chinese web maps) and
 * BD-09 (Baidu) obfuscation formulas, and their inverses to WGS84. Pure; positions are [lng, lat] degrees.
 * GCJ-02 → WGS84 has no closed form; it is inverted by fixed-point iteration (error < 1e-7°).
 */
export type Position2 = [number, number];

const A = 6378245.0;
const EE = 0.006693421622965943;
const X_PI = (Math.PI * 3000.0) / 180.0;

/** True outside the rough box where GCJ-02 is applied (the formulas leave such points unchanged). */
export function outOfChina(lng: number, lat: number): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function transformLng(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

function gcjDelta(lng: number, lat: number): Position2 {
  let dLat = transformLat(lng - 105.0, lat - 35.0);
  let dLng = transformLng(lng - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [dLng, dLat];
}

export function wgs84ToGcj02([lng, lat]: readonly number[]): Position2 {
  if (outOfChina(lng, lat)) return [lng, lat];
  const [dLng, dLat] = gcjDelta(lng, lat);
  return [lng + dLng, lat + dLat];
}

export function gcj02ToWgs84([lng, lat]: readonly number[]): Position2 {
  if (outOfChina(lng, lat)) return [lng, lat];
  let wgsLng = lng;
  let wgsLat = lat;
  for (let i = 0; i < 30; i += 1) {
    const [gLng, gLat] = wgs84ToGcj02([wgsLng, wgsLat]);
    const errLng = gLng - lng;
    const errLat = gLat - lat;
    wgsLng -= errLng;
    wgsLat -= errLat;
    if (Math.abs(errLng) < 1e-9 && Math.abs(errLat) < 1e-9) break;
  }
  return [wgsLng, wgsLat];
}

export function gcj02ToBd09([lng, lat]: readonly number[]): Position2 {
  const z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
  const theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * X_PI);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

export function bd09ToGcj02([lng, lat]: readonly number[]): Position2 {
  const x = lng - 0.0065;
  const y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
  return [z * Math.cos(theta), z * Math.sin(theta)];
}

export function bd09ToWgs84(position: readonly number[]): Position2 {
  return gcj02ToWgs84(bd09ToGcj02(position));
}

export function wgs84ToBd09(position: readonly number[]): Position2 {
  return gcj02ToBd09(wgs84ToGcj02(position));
}

export type OffsetDatum = 'gcj02' | 'bd09';
