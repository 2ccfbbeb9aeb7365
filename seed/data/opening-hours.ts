import type { SeedOpening } from '../types';

const WORKDAYS = [1, 2, 3, 4, 5];
const WEEKEND = [6, 7];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

export const COWORKING_HOURS: SeedOpening[] = [
  { weekdays: WORKDAYS, opens: '07:00', closes: '20:00' },
  { weekdays: [6], opens: '09:00', closes: '14:00' },
];

export const SMALL_COWORKING_HOURS: SeedOpening[] = [{ weekdays: WORKDAYS, opens: '08:00', closes: '18:00' }];

/** School sports halls belong to the school until the afternoon. */
export const SCHOOL_HALL_HOURS: SeedOpening[] = [
  { weekdays: WORKDAYS, opens: '16:00', closes: '22:00' },
  { weekdays: WEEKEND, opens: '09:00', closes: '20:00' },
];

export const SCHOOL_AULA_HOURS: SeedOpening[] = [
  { weekdays: WORKDAYS, opens: '17:00', closes: '22:30' },
  { weekdays: WEEKEND, opens: '10:00', closes: '23:00' },
];

/** Community centres close for the caretaker's lunch break: two intervals a day. */
export const COMMUNITY_CENTRE_HOURS: SeedOpening[] = [
  { weekdays: WORKDAYS, opens: '09:00', closes: '12:30' },
  { weekdays: WORKDAYS, opens: '14:00', closes: '22:00' },
  { weekdays: WEEKEND, opens: '10:00', closes: '24:00' },
];

export const TOWN_HALL_HOURS: SeedOpening[] = [
  { weekdays: [1, 2, 3, 4], opens: '08:00', closes: '18:00' },
  { weekdays: [5], opens: '08:00', closes: '13:00' },
];

export const CLUB_ROOM_HOURS: SeedOpening[] = [{ weekdays: EVERY_DAY, opens: '08:00', closes: '22:00' }];
