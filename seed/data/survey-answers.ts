import { MUNICIPALITIES, PLACES } from '@landraeume/shared';

/*
 * Plausible survey answers for the demo, generated from a seeded PRNG so every run yields the
 * same answers. Towns are weighted by population; workplaces lean to Münster, as the district's
 * commuter statistics do. Distances are straight lines × 1.3 for roads.
 */

/** mulberry32: tiny, fast, and the same sequence on every platform. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const POPULATION: Record<string, number> = {
  Dülmen: 47, Coesfeld: 36, Lüdinghausen: 25, Senden: 20, Nottuln: 20, Ascheberg: 15, Olfen: 13, Havixbeck: 12, Billerbeck: 12, Rosendahl: 11, Nordkirchen: 10,
};

const WORKPLACES = [
  { postcode: '48143', lat: 51.9607, lon: 7.6261, weight: 40 }, // Münster
  { postcode: '44135', lat: 51.5136, lon: 7.4653, weight: 8 }, // Dortmund
  { postcode: '59065', lat: 51.6739, lon: 7.8159, weight: 6 }, // Hamm
  { postcode: '46325', lat: 51.8438, lon: 6.8581, weight: 5 }, // Borken
  ...MUNICIPALITIES.map((m) => ({ postcode: m.postcode, lat: m.lat, lon: m.lon, weight: 3 })),
];

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
function weighted<T>(rng: Rng, items: readonly T[], weight: (item: T) => number): T {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  let r = rng() * total;
  for (const item of items) if ((r -= weight(item)) < 0) return item;
  return items[items.length - 1]!;
}
const subset = <T>(rng: Rng, items: readonly T[], max: number): T[] => items.filter(() => rng() < max / items.length);

function roadKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dLat = (b.lat - a.lat) * 111.2;
  const dLon = (b.lon - a.lon) * 111.2 * Math.cos((a.lat * Math.PI) / 180);
  return Math.max(2, Math.round(Math.hypot(dLat, dLon) * 1.3));
}

export interface SeedAnswer {
  answers: Record<string, string | number | string[]>;
  /** Days before the seed's "now" the answer came in. */
  daysAgo: number;
}

export function surveyAnswers(count: number, seed = 2026): SeedAnswer[] {
  const rng = prng(seed);
  const result: SeedAnswer[] = [];
  for (let i = 0; i < count; i++) {
    const town = weighted(rng, MUNICIPALITIES, (m) => POPULATION[m.name] ?? 10);
    const places = PLACES.filter((p) => p.municipality === town.name);
    const place = rng() < 0.5 ? places[0]! : pick(rng, places);
    const work = weighted(rng, WORKPLACES, (w) => w.weight);
    const km = work.postcode === town.postcode ? 3 + Math.floor(rng() * 4) : roadKm(place, work);
    const mode = rng() < 0.06 ? 'none' : km < 6 ? weighted(rng, ['bike', 'foot', 'car'] as const, (m) => ({ bike: 5, foot: 2, car: 3 })[m]) : weighted(rng, ['car', 'train_bus', 'carpool', 'bike'] as const, (m) => ({ car: 68, train_bus: work.postcode === '48143' ? 20 : 8, carpool: 10, bike: 5 })[m]);
    const mobileWork = weighted(rng, ['yes', 'partly', 'no', 'unknown'] as const, (m) => ({ yes: 35, partly: 30, no: 25, unknown: 10 })[m]);
    const answers: SeedAnswer['answers'] = { home_postcode: town.postcode, commute_mode: mode, mobile_work: mobileWork };
    if (rng() < 0.85) answers.home_place = place.key;
    if (mode !== 'none') {
      answers.work_postcode = work.postcode;
      answers.commute_km = km;
      answers.commute_days = weighted(rng, [2, 3, 4, 5], (d) => ({ 2: 1, 3: 2, 4: 3, 5: 5 })[d]!);
    }
    answers.coworking_days = mobileWork === 'no' ? (rng() < 0.15 ? 1 : 0) : Math.floor(rng() * 4);
    if ((answers.coworking_days as number) > 0) answers.facilities = subset(rng, ['wifi', 'quiet', 'meeting_room', 'phone_booth', 'parking', 'bike_parking', 'coffee', 'childcare', 'step_free'], 3);
    if (rng() < 0.3) {
      answers.club_room_kind = subset(rng, ['meeting', 'sports', 'music', 'course', 'event'], 1.6);
      answers.club_room_size = pick(rng, ['up_to_10', 'up_to_30', 'up_to_100', 'over_100']);
      answers.club_room_time = subset(rng, ['weekday_day', 'weekday_evening', 'weekend'], 1.5);
      if (!(answers.club_room_kind as string[]).length) answers.club_room_kind = ['meeting'];
      if (!(answers.club_room_time as string[]).length) answers.club_room_time = ['weekday_evening'];
    }
    for (const key of Object.keys(answers)) if (Array.isArray(answers[key]) && !(answers[key] as string[]).length) delete answers[key];
    result.push({ answers, daysAgo: Math.floor(rng() * 90) });
  }
  return result;
}

export interface SeedSearch {
  municipality: string;
  place: { lat: number; lon: number } | null;
  kind: string | null;
  resultCount: number;
  daysAgo: number;
  hour: number;
}

/** Searches with a window: more of them come up empty in the small towns with few spaces. */
export function searches(count: number, seed = 12): SeedSearch[] {
  const rng = prng(seed);
  return Array.from({ length: count }, () => {
    const town = weighted(rng, MUNICIPALITIES, (m) => POPULATION[m.name] ?? 10);
    const place = pick(rng, PLACES.filter((p) => p.municipality === town.name));
    const small = (POPULATION[town.name] ?? 10) < 15;
    return {
      municipality: town.name,
      place: rng() < 0.4 ? { lat: place.lat, lon: place.lon } : null,
      kind: weighted(rng, ['coworking', 'meeting_room', 'sports_hall', 'event_room'] as const, (k) => ({ coworking: 6, meeting_room: 2, sports_hall: 2, event_room: 1 })[k]),
      resultCount: rng() < (small ? 0.45 : 0.2) ? 0 : 1 + Math.floor(rng() * 4),
      daysAgo: Math.floor(rng() * 90),
      hour: 7 + Math.floor(rng() * 14),
    };
  });
}
