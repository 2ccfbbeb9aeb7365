import type { SpaceUpdate } from '@landraeume/shared';

/** API field → column, for the fields a manager may set. */
export const SPACE_COLUMNS: Record<keyof SpaceUpdate, string> = {
  kind: 'kind',
  name: 'name',
  description: 'description',
  street: 'street',
  postcode: 'postcode',
  municipality: 'municipality',
  lat: 'lat',
  lon: 'lon',
  capacity: 'capacity',
  amenities: 'amenities',
  photos: 'photos',
  approval: 'approval',
  slotMinutes: 'slot_minutes',
  minDurationMinutes: 'min_duration_minutes',
  maxDurationMinutes: 'max_duration_minutes',
  leadTimeMinutes: 'lead_time_minutes',
  horizonDays: 'horizon_days',
  cancellationDeadlineHours: 'cancellation_deadline_hours',
  pricePerHourCents: 'price_per_hour_cents',
  pricePerDayCents: 'price_per_day_cents',
  clubPricePerHourCents: 'club_price_per_hour_cents',
  houseRules: 'house_rules',
  accessInstructions: 'access_instructions',
  holidaysClosed: 'holidays_closed',
  accessMode: 'access_mode',
  keyPlace: 'key_place',
  keyPickupHoursBefore: 'key_pickup_hours_before',
  keyReturnHoursAfter: 'key_return_hours_after',
  codeLeadMinutes: 'code_lead_minutes',
  lockAdapter: 'lock_adapter',
  lockUrl: 'lock_url',
  lockSecret: 'lock_secret',
  setupMinutes: 'setup_minutes',
  cleanupMinutes: 'cleanup_minutes',
  noShowGraceMinutes: 'no_show_grace_minutes',
};

/**
 * The set fields of an update as (column, value) pairs; `town` follows the municipality, and
 * amenities are a set, so a repeated one is stored once (search matches them with `@>`).
 */
export function columnsOf(input: SpaceUpdate): [string, unknown][] {
  const pairs = (Object.keys(SPACE_COLUMNS) as (keyof SpaceUpdate)[])
    .filter((key) => input[key] !== undefined)
    .map((key): [string, unknown] => [SPACE_COLUMNS[key], key === 'amenities' ? [...new Set(input.amenities)] : input[key]]);
  if (input.municipality !== undefined) pairs.push(['town', input.municipality]);
  return pairs;
}
