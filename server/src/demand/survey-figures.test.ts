import { describe, expect, it } from 'vitest';
import { mergeOptions } from './survey-admin.service';
import { rankPlaces, surveyFiguresByTown, type Answers } from './survey-figures';

const coesfeldDesks = { lat: 51.9459, lon: 7.1675 };
const car = (place: string, postcode: string, km: number, days: number): Answers => ({ home_postcode: postcode, home_place: place, commute_mode: 'car', commute_km: km, commute_days: days });

describe('the coworking ranking', () => {
  const answers: Answers[] = [
    car('coesfeld-lette', '48653', 25, 5),
    car('rosendahl-holtwick', '48720', 25, 5),
    car('duelmen-buldern', '48249', 10, 4),
    car('duelmen-buldern', '48249', 20, 4),
    { home_postcode: '48249', home_place: 'duelmen-buldern', commute_mode: 'train_bus', commute_km: 80, commute_days: 5 },
    car('coesfeld', '48653', 40, 5),
    { home_postcode: '59399', commute_mode: 'car', commute_km: 30, commute_days: 1 },
  ];

  it('counts car commuters only, by place, with the town’s first place when none was given', () => {
    const rows = rankPlaces(answers, [coesfeldDesks], 3);
    expect(rows.map((r) => [r.rank, r.place, r.carCommuters, r.unservedKmPerWeek, r.servedKmPerWeek])).toEqual([
      [1, 'coesfeld-lette', 1, 125, 0],
      [2, 'rosendahl-holtwick', 1, 125, 0],
      [3, 'duelmen-buldern', 2, 120, 0],
      [4, 'olfen', 1, 30, 0],
      [5, 'coesfeld', 1, 0, 200],
    ]);
  });

  it('gives the same order whatever order the answers come in', () => {
    const expected = rankPlaces(answers, [coesfeldDesks], 3);
    for (let shift = 1; shift < answers.length; shift++) {
      const rotated = [...answers.slice(shift), ...answers.slice(0, shift)].reverse();
      expect(rankPlaces(rotated, [coesfeldDesks], 3)).toEqual(expected);
    }
  });

  it('without any coworking space, nothing is served and distances are unknown', () => {
    const rows = rankPlaces(answers, [], 3);
    expect(rows.every((r) => r.servedKmPerWeek === 0 && r.nearestCoworkingKm === null)).toBe(true);
    expect(rows[0]!.place).toBe('coesfeld');
  });
});

describe('survey figures per town', () => {
  it('counts interest and the km a day of interested commuters, there and back', () => {
    const byTown = surveyFiguresByTown([
      { home_postcode: '48301', commute_mode: 'car', commute_km: 12.5, coworking_days: 1 },
      { home_postcode: '48301', commute_mode: 'none', commute_km: 12, coworking_days: 3 },
      { home_postcode: '48301', commute_mode: 'bike', commute_km: 4, coworking_days: 0, club_room_kind: ['music'] },
      { home_postcode: '10115', commute_mode: 'car', commute_km: 9, coworking_days: 2 },
    ]);
    expect(Object.fromEntries(byTown)).toEqual({ Nottuln: { responses: 3, coworkingInterested: 2, commuters: 1, commuteKmPerDay: 25, clubRoomInterested: 1 } });
  });
});

describe('editing options', () => {
  it('relabels known keys, appends new ones and retires left-out ones, never rewriting a key', () => {
    const stored = [
      { key: 'car', label: { de: 'Auto', en: 'Car' }, retired: false },
      { key: 'carpool', label: { de: 'Fahrgemeinschaft', en: 'Car pool' }, retired: false },
    ];
    expect(mergeOptions(stored, [{ key: 'car', label: { de: 'PKW', en: 'Car' } }, { key: 'bus', label: { de: 'Bus', en: 'Bus' } }])).toEqual([
      { key: 'car', label: { de: 'PKW', en: 'Car' }, retired: false },
      { key: 'carpool', label: { de: 'Fahrgemeinschaft', en: 'Car pool' }, retired: true },
      { key: 'bus', label: { de: 'Bus', en: 'Bus' }, retired: false },
    ]);
  });
});
