import type { DemandRow, OccupancyRow, RankingRow } from '@landraeume/shared';
import type { CsvColumn } from '../http/csv';

/** Column headers are the JSON field names, so a CSV and its JSON read the same. */
const col = <T>(header: keyof T & string): CsvColumn<T> => ({ header, value: (row) => row[header] as string | number | boolean | null });

export const DEMAND_COLUMNS: CsvColumn<DemandRow>[] = (
  ['municipality', 'responses', 'coworkingInterested', 'commuters', 'commuteKmPerDay', 'clubRoomInterested', 'searches', 'searchesWithoutResult', 'refusedBookings'] as const
).map((k) => col<DemandRow>(k));

export const OCCUPANCY_COLUMNS: CsvColumn<OccupancyRow>[] = (
  ['spaceId', 'name', 'kind', 'municipality', 'openHours', 'bookedHours', 'occupancy', 'underUsed', 'noShows', 'noShowRate'] as const
).map((k) => col<OccupancyRow>(k));

export const RANKING_COLUMNS: CsvColumn<RankingRow>[] = (
  ['rank', 'place', 'placeName', 'municipality', 'carCommuters', 'carKmPerWeek', 'servedKmPerWeek', 'unservedKmPerWeek', 'nearestCoworkingKm'] as const
).map((k) => col<RankingRow>(k));
