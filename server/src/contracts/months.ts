import { DateTime } from 'luxon';

/** Contracts are regional: their months are Europe/Berlin months, whatever a server's clock says. */
export const CONTRACT_ZONE = 'Europe/Berlin';

export interface MonthRange {
  month: string;
  from: DateTime;
  to: DateTime;
}

export function monthRange(month: string): MonthRange {
  const from = DateTime.fromISO(`${month}-01`, { zone: CONTRACT_ZONE });
  return { month, from, to: from.plus({ months: 1 }) };
}

export const monthOf = (instant: DateTime) => instant.setZone(CONTRACT_ZONE).toFormat('yyyy-MM');

export const localDateOf = (instant: DateTime) => instant.setZone(CONTRACT_ZONE).toISODate()!;
