const METRES_PER_DEGREE_LATITUDE = 111_320;

/** Moves a point by metres east and north; precise enough at district scale. */
export function offsetPoint(lat: number, lon: number, [east, north]: [number, number]): { lat: number; lon: number } {
  const latitude = lat + north / METRES_PER_DEGREE_LATITUDE;
  const longitude = lon + east / (METRES_PER_DEGREE_LATITUDE * Math.cos((lat * Math.PI) / 180));
  return { lat: Math.round(latitude * 1e6) / 1e6, lon: Math.round(longitude * 1e6) / 1e6 };
}
