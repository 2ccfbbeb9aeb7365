import { MUNICIPALITIES, PLACES, REPORT_QUESTION_KEYS as K, type SurveyAnswerValue } from '@landraeume/shared';
import { distanceKm, type Point } from './grid';

/*
 * Figures from survey answers, as pure functions over the stored answers (keyed by the stable
 * question and option keys). The reports and their tests share these definitions.
 */

export type Answers = Record<string, SurveyAnswerValue>;

const num = (value: SurveyAnswerValue | undefined) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const round1 = (value: number) => Math.round(value * 10) / 10;

/** The town a respondent lives in, from the postcode of home. */
export function homeTown(answers: Answers): string | undefined {
  const postcode = answers[K.homePostcode];
  return MUNICIPALITIES.find((m) => m.postcode === postcode)?.name;
}

/** The place (village) a respondent lives in: as answered, else the first place of their town. */
export function homePlace(answers: Answers): (typeof PLACES)[number] | undefined {
  const answered = PLACES.find((p) => p.key === answers[K.homePlace]);
  if (answered) return answered;
  const town = homeTown(answers);
  return PLACES.find((p) => p.municipality === town);
}

export const wantsDesk = (a: Answers) => num(a[K.coworkingDays]) > 0;
/** Commutes at all: a mode other than "none" and a distance. */
export const commutes = (a: Answers) => typeof a[K.commuteMode] === 'string' && a[K.commuteMode] !== 'none' && num(a[K.commuteKm]) > 0;
export const wantsClubRoom = (a: Answers) => Array.isArray(a[K.clubRoomKind]) && (a[K.clubRoomKind] as string[]).length > 0;

export interface TownSurveyFigures {
  responses: number;
  coworkingInterested: number;
  commuters: number;
  commuteKmPerDay: number;
  clubRoomInterested: number;
}

/** Per town: answers, interest in a desk, interested commuters and their km a day (there and back), interest in club rooms. */
export function surveyFiguresByTown(responses: Answers[]): Map<string, TownSurveyFigures> {
  const byTown = new Map<string, TownSurveyFigures>();
  for (const answers of responses) {
    const town = homeTown(answers);
    if (!town) continue;
    const f = byTown.get(town) ?? { responses: 0, coworkingInterested: 0, commuters: 0, commuteKmPerDay: 0, clubRoomInterested: 0 };
    f.responses += 1;
    if (wantsDesk(answers)) f.coworkingInterested += 1;
    if (wantsDesk(answers) && commutes(answers)) {
      f.commuters += 1;
      f.commuteKmPerDay += 2 * num(answers[K.commuteKm]);
    }
    if (wantsClubRoom(answers)) f.clubRoomInterested += 1;
    byTown.set(town, f);
  }
  for (const f of byTown.values()) f.commuteKmPerDay = round1(f.commuteKmPerDay);
  return byTown;
}

export interface RankedPlace {
  rank: number;
  place: string;
  placeName: string;
  municipality: string;
  carCommuters: number;
  carKmPerWeek: number;
  servedKmPerWeek: number;
  unservedKmPerWeek: number;
  nearestCoworkingKm: number | null;
}

/**
 * Where a new coworking space would serve the most commuter kilometres: per place, the sum over
 * respondents living there who commute by car of one-way km × days a week, minus the part from
 * places already within `radiusKm` of a coworking space. Ties are broken by the total, then by
 * the place's key, so the same data always gives the same order.
 */
export function rankPlaces(responses: Answers[], coworking: Point[], radiusKm: number): RankedPlace[] {
  const byPlace = new Map<string, Omit<RankedPlace, 'rank'>>();
  for (const answers of responses) {
    if (answers[K.commuteMode] !== 'car') continue;
    const place = homePlace(answers);
    if (!place) continue;
    const nearest = coworking.length ? Math.min(...coworking.map((c) => distanceKm(place, c))) : null;
    const weekly = num(answers[K.commuteKm]) * num(answers[K.commuteDays]);
    const row = byPlace.get(place.key) ?? {
      place: place.key,
      placeName: place.name,
      municipality: place.municipality,
      carCommuters: 0,
      carKmPerWeek: 0,
      servedKmPerWeek: 0,
      unservedKmPerWeek: 0,
      nearestCoworkingKm: nearest === null ? null : round1(nearest),
    };
    row.carCommuters += 1;
    row.carKmPerWeek += weekly;
    if (nearest !== null && nearest <= radiusKm) row.servedKmPerWeek += weekly;
    else row.unservedKmPerWeek += weekly;
    byPlace.set(place.key, row);
  }
  return [...byPlace.values()]
    .map((r) => ({ ...r, carKmPerWeek: round1(r.carKmPerWeek), servedKmPerWeek: round1(r.servedKmPerWeek), unservedKmPerWeek: round1(r.unservedKmPerWeek) }))
    .sort((a, b) => b.unservedKmPerWeek - a.unservedKmPerWeek || b.carKmPerWeek - a.carKmPerWeek || (a.place < b.place ? -1 : a.place > b.place ? 1 : 0))
    .map((r, index) => ({ rank: index + 1, ...r }));
}
