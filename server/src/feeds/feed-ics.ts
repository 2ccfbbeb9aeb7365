import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { DateTime } from 'luxon';
import { strictRfc5545 } from '../notifications/booking-ics';

export interface FeedEvent {
  id: string;
  tentative: boolean;
  start: Date;
  end: Date;
  /** The last change, the event's DTSTAMP: an unchanged booking keeps its bytes. */
  changedAt: Date;
  summary: string;
  description?: string;
  location?: { address: string; lat: number; lon: number };
  url?: string;
}

/**
 * A subscribable calendar (no METHOD: RFC 5545 publishing, not an iTIP message). Events carry
 * the same UID as the booking's mails, local times with TZID and the zone's VTIMEZONE; the
 * refresh hint keeps well-behaved clients at one poll an hour.
 */
export function feedIcs(feed: { name: string; zone: string; events: FeedEvent[] }, domain: string): string {
  const calendar = ical({
    prodId: { company: 'Landraeume', product: 'Kalender', language: 'DE' },
    name: feed.name,
    ttl: 3600,
    timezone: { name: feed.zone, generator: getVtimezoneComponent },
  });
  const stamps = new Map<string, DateTime>();
  for (const event of feed.events) {
    const uid = `${event.id}@${domain}`;
    stamps.set(uid, DateTime.fromJSDate(event.changedAt));
    calendar.createEvent({
      id: uid,
      start: DateTime.fromJSDate(event.start).setZone(feed.zone),
      end: DateTime.fromJSDate(event.end).setZone(feed.zone),
      timezone: feed.zone,
      summary: event.summary,
      ...(event.description ? { description: event.description } : {}),
      ...(event.location ? { location: { title: event.location.address, geo: { lat: event.location.lat, lon: event.location.lon } } } : {}),
      ...(event.url ? { url: event.url } : {}),
      status: event.tentative ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
      transparency: ICalEventTransparency.OPAQUE,
    });
  }
  return strictRfc5545(calendar.toString(), (uid) => stamps.get(uid) ?? DateTime.utc());
}
