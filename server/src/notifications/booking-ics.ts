import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';

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
  });
  event.organizer(booking.organizer);
  event.createAttendee({ ...booking.attendee, rsvp: false });
  return strictRfc5545(calendar.toString());
}

/**
 * ical-generator writes DTSTAMP in the calendar's zone without "Z" and adds a non-standard
 * TIMEZONE-ID line; RFC 5545 wants DTSTAMP in UTC and unknown properties X- prefixed.
 */
function strictRfc5545(ics: string): string {
  const stamp = DateTime.utc().toFormat("yyyyMMdd'T'HHmmss'Z'");
  return ics
    .split('\r\n')
    .filter((line) => !line.startsWith('TIMEZONE-ID:'))
    .map((line) => (line.startsWith('DTSTAMP:') ? `DTSTAMP:${stamp}` : line))
    .join('\r\n');
}
