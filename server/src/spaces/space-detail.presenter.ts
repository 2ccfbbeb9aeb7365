import type { ClosureDto, OpeningIntervalDto, Resource, SpaceDetail } from '@landraeume/shared';
import type { PublicHoliday } from './holidays';
import type { SpaceRow } from './space-loader';
import { presentSpaceSummary } from './spaces.presenter';

export function presentSpaceDetail(
  row: SpaceRow,
  parts: { resources: Resource[]; openingHours: OpeningIntervalDto[]; closures: ClosureDto[]; holidays: PublicHoliday[] },
): SpaceDetail {
  return {
    ...presentSpaceSummary(row),
    description: row.description,
    zone: row.zone,
    published: row.published,
    holidaysClosed: row.holidays_closed,
    houseRules: row.house_rules,
    accessMode: row.access_mode,
    rules: {
      slotMinutes: row.slot_minutes,
      minDurationMinutes: row.min_duration_minutes,
      maxDurationMinutes: row.max_duration_minutes,
      leadTimeMinutes: row.lead_time_minutes,
      horizonDays: row.horizon_days,
      cancellationDeadlineHours: row.cancellation_deadline_hours,
      noShowGraceMinutes: row.no_show_grace_minutes,
    },
    ...parts,
  };
}
