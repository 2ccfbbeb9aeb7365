import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { MailAttachment } from './mailer';

export interface IcsBooking {
  id: string;
  sequence: number;
  status: 'confirmed' | 'cancelled';
  start: Date;
  end: Date;
  zone: string;
  summary: string;
  description: string;
  location: { address: string; lat: number; lon: number };
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  /** A series: one event with its RRULE, the dates not (or no longer) booked as EXDATEs. */
  recurrence?: { rrule: string; exdates: DateTime[] };
}

const icsLocal = (t: DateTime, zone: string) => t.setZone(zone).toFormat("yyyyMMdd'T'HHmmss");

/**
 * With a DTSTART in a zone, RFC 5545 wants UNTIL as a UTC date-time; a rule ending on a date
 * (UNTIL=20270630) becomes the end of that local day.
 */
function rruleLines(recurrence: NonNullable<IcsBooking['recurrence']>, zone: string): string {
  const rule = recurrence.rrule.replace(/UNTIL=(\d{8})(?![T\d])/, (_, date: string) => {
    const end = DateTime.fromFormat(date, 'yyyyMMdd', { zone }).endOf('day').toUTC();
    return `UNTIL=${end.toFormat("yyyyMMdd'T'HHmmss'Z'")}`;
  });
  const exdates = recurrence.exdates.length ? [`EXDATE;TZID=${zone}:${recurrence.exdates.map((d) => icsLocal(d, zone)).join(',')}`] : [];
  return [`RRULE:${rule}`, ...exdates].join('\r\n');
}

/**
 * One booking as an iTIP message (RFC 5545/5546): REQUEST for a confirmation or change, CANCEL
 * with the same UID for a cancellation, SEQUENCE as stored on the booking, local times with TZID
 * and the zone's VTIMEZONE so Outlook, Google and Apple all show the same wall-clock time.
 */
export function bookingIcs(booking: IcsBooking, domain: string): string {
  const cancelled = booking.status === 'cancelled';
  const calendar = ical({
    prodId: { company: 'Landraeume', product: 'Buchungen', language: 'DE' },
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: { name: booking.zone, generator: getVtimezoneComponent },
  });
  const event = calendar.createEvent({
    id: `${booking.id}@${domain}`,
    sequence: booking.sequence,
    start: DateTime.fromJSDate(booking.start).setZone(booking.zone),
    end: DateTime.fromJSDate(booking.end).setZone(booking.zone),
    timezone: booking.zone,
    summary: booking.summary,
    description: booking.description,
    location: { title: booking.location.address, geo: { lat: booking.location.lat, lon: booking.location.lon } },
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    ...(booking.recurrence ? { repeating: rruleLines(booking.recurrence, booking.zone) } : {}),
  });
  event.organizer(booking.organizer);
  event.createAttendee({ ...booking.attendee, rsvp: false });
  return strictRfc5545(calendar.toString());
}

/** The event as a mail attachment whose content type names the iTIP method, as calendars expect. */
export function calendarAttachment(filename: string, booking: IcsBooking, domain: string): MailAttachment {
  return { filename, contentType: `text/calendar; charset=utf-8; method=${booking.status === 'cancelled' ? 'CANCEL' : 'REQUEST'}`, content: bookingIcs(booking, domain) };
}

const utcStamp = (t: DateTime) => t.toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");

/**
 * ical-generator writes DTSTAMP in the calendar's zone without "Z" and adds a non-standard
 * TIMEZONE-ID line; RFC 5545 wants DTSTAMP in UTC and unknown properties X- prefixed. A message
 * is stamped now; a feed passes each event's last change (by UID), so an unchanged feed stays
 * byte for byte the same.
 */
export function strictRfc5545(ics: string, stampOf: (uid: string) => DateTime = () => DateTime.utc()): string {
  let uid = '';
  return ics
    .split('\r\n')
    .filter((line) => !line.startsWith('TIMEZONE-ID:'))
    .map((line) => {
      if (line.startsWith('UID:')) uid = line.slice(4);
      return line.startsWith('DTSTAMP:') ? `DTSTAMP:${utcStamp(stampOf(uid))}` : line;
    })
    .join('\r\n');
}
