import { DateTime } from 'luxon';
import rrule from 'rrule';
import { SERIES_MAX_OCCURRENCES } from '@landraeume/shared';
import { DomainError } from '../../http/errors';

// rrule ships CommonJS to Node; its named exports are reached through the default export.
const { RRule } = rrule;

const WEEKDAY = '(?:MO|TU|WE|TH|FR|SA|SU)';

/**
 * The parts a series may have and the values each may take. The rrule library is not to be
 * trusted with anything else: it loops for ever on INTERVAL=-1 or INTERVAL=X and throws a
 * TypeError on BYDAY=XX, so a request could have stopped a server.
 */
const ALLOWED_PARTS = new Map<string, RegExp>([
  ['FREQ', /^WEEKLY$/],
  ['INTERVAL', /^[1-9]\d?$/],
  ['COUNT', /^[1-9]\d{0,2}$/],
  ['UNTIL', /^\d{8}(?:T\d{6}Z?)?$/],
  ['BYDAY', new RegExp(`^${WEEKDAY}(?:,${WEEKDAY})*$`)],
]);

const invalid = (why: string) => new DomainError('invalid_input', `Unsupported recurrence: ${why}`, { issues: [{ path: 'rrule', message: 'rrule.invalid' }] });

export interface OccurrenceTime {
  start: DateTime;
  end: DateTime;
}

function parseRule(text: string): ReturnType<typeof RRule.parseString> {
  const body = text.replace(/^RRULE:/, '');
  const parts = new Map(body.split(';').map((part) => part.split('=') as [string, string]));
  for (const [name, value] of parts) {
    const allowed = ALLOWED_PARTS.get(name);
    if (!allowed) throw invalid(`${name} is not supported`);
    if (!allowed.test(value ?? '')) throw invalid(name === 'FREQ' ? 'only weekly series' : `${name}=${value} cannot be read`);
  }
  if (!parts.has('FREQ')) throw invalid('only weekly series');
  if (!parts.has('COUNT') && !parts.has('UNTIL')) throw invalid('a COUNT or an UNTIL is needed');
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(body);
  } catch {
    throw invalid('cannot be read');
  }
  // A date as UNTIL includes that whole day, as it does in the calendar file we send.
  const untilDate = /UNTIL=(\d{4})(\d{2})(\d{2})(?![T\d])/.exec(body);
  if (untilDate) options.until = new Date(Date.UTC(Number(untilDate[1]), Number(untilDate[2]) - 1, Number(untilDate[3]), 23, 59, 59));
  return options;
}

/**
 * Expands a weekly RRULE at the first occurrence's local wall-clock time: the rule is evaluated
 * on "floating" times (local fields written as UTC) and each result is read back in the space's
 * zone, so a Tuesday 18:00 training stays at 18:00 across the DST change.
 */
export function expandSeries(input: { rrule: string; start: DateTime; end: DateTime; zone: string; exdates: readonly string[] }): OccurrenceTime[] {
  const options = parseRule(input.rrule);
  const first = input.start.setZone(input.zone);
  const firstEnd = input.end.setZone(input.zone);
  if (firstEnd <= first) throw new DomainError('invalid_input', 'The end must be after the start', { issues: [{ path: 'end', message: 'window.invalid' }] });
  const dayOffset = firstEnd.startOf('day').diff(first.startOf('day'), 'days').days;
  const floating = new Date(Date.UTC(first.year, first.month - 1, first.day, first.hour, first.minute));
  const rule = new RRule({ ...options, dtstart: floating });
  const dates = rule.all((_, index) => index <= SERIES_MAX_OCCURRENCES);
  if (dates.length > SERIES_MAX_OCCURRENCES) throw invalid(`at most ${SERIES_MAX_OCCURRENCES} occurrences`);
  const skip = new Set(input.exdates);
  return dates
    .map((d, index) => {
      // The first date is the one asked for, to the instant (02:00 may exist twice in October).
      if (index === 0 && d.getTime() === floating.getTime()) return { start: first, end: firstEnd };
      const start = DateTime.fromObject(
        { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() },
        { zone: input.zone },
      );
      const end = start.startOf('day').plus({ days: dayOffset }).set({ hour: firstEnd.hour, minute: firstEnd.minute });
      return { start, end };
    })
    .filter((o) => !skip.has(o.start.toISODate()!));
}
