import { createHash } from 'node:crypto';
import type { CalendarFeed, Locale } from '@landraeume/shared';
import type { DataSource } from 'typeorm';
import type { Actor } from '../accounts/actor';
import { newToken } from '../accounts/tokens';
import { rowsOf } from '../db/rows';
import { notFound } from '../http/errors';
import { feedIcs, type FeedEvent } from './feed-ics';

/** What a poll gets: the validators always, the body only when the client's copy is stale. */
export interface FeedAnswer {
  etag: string;
  lastModified: Date;
  body(): Promise<string>;
}

interface Fingerprint {
  n: number;
  changed: Date | null;
}

interface EventRow {
  id: string;
  status: 'pending' | 'confirmed';
  starts_at: Date;
  ends_at: Date;
  updated_at: Date;
  purpose: string;
  space_name: string;
  resource_name: string;
  street: string;
  postcode: string;
  town: string;
  lat: number;
  lon: number;
}

const FEED_ZONE = 'Europe/Berlin';
/** Feeds reach this far into the past; everything ahead is included. */
const PERSONAL_HISTORY = `interval '30 days'`;
const SPACE_HISTORY = `interval '7 days'`;
const MAX_EVENTS = 5000;

const etagOf = (...parts: unknown[]) => `"${createHash('sha256').update(parts.map(String).join('|')).digest('base64url').slice(0, 27)}"`;
const epoch = new Date(0);

/**
 * Calendar feeds: a secret one per person and a public busy feed per space. A poll first reads
 * a fingerprint (how many bookings, their latest change), which is all a 304 needs; the body is
 * built only for a client whose copy is stale.
 */
export class FeedService {
  private readonly domain: string;

  constructor(
    private readonly db: DataSource,
    private readonly publicUrl: string,
  ) {
    this.domain = new URL(publicUrl).hostname;
  }

  /** The person's feed URL; the token is made on first use and kept until rotated. */
  async feedUrl(actor: Actor): Promise<CalendarFeed> {
    const [row] = rowsOf<{ feed_token: string }>(await this.db.query(`UPDATE users SET feed_token = coalesce(feed_token, $2) WHERE id = $1 RETURNING feed_token`, [actor.id, newToken().token]));
    return { url: this.urlOf(row!.feed_token) };
  }

  /** A new token: the old URL stops working at once, e.g. after it was shared by mistake. */
  async rotate(actor: Actor): Promise<CalendarFeed> {
    const token = newToken().token;
    await this.db.query(`UPDATE users SET feed_token = $2, updated_at = now() WHERE id = $1`, [actor.id, token]);
    return { url: this.urlOf(token) };
  }

  async personal(token: string): Promise<FeedAnswer> {
    const [user] = (await this.db.query(`SELECT id, locale FROM users WHERE feed_token = $1 AND deleted_at IS NULL`, [token])) as { id: string; locale: Locale }[];
    if (!user) throw notFound('Calendar feed');
    const window = `b.booker_id = $1 AND upper(b.period) >= now() - ${PERSONAL_HISTORY}`;
    const [print] = (await this.db.query(`SELECT count(*)::int AS n, greatest(max(b.updated_at), max(s.updated_at)) AS changed FROM bookings b JOIN spaces s ON s.id = b.space_id WHERE ${window}`, [user.id])) as Fingerprint[];
    return this.answer(print!, ['u', user.id, user.locale], async () => {
      const rows = await this.events(`${window} AND b.status IN ('pending', 'confirmed')`, [user.id]);
      return this.personalIcs(rows, user.locale, user.locale === 'de' ? 'Landräume – meine Buchungen' : 'Landräume – my bookings');
    });
  }

  /** One's own booking as a calendar file to open or import; the same UID as in mails and the feed. */
  async bookingFile(actor: Actor, bookingId: string): Promise<string> {
    const rows = await this.events(`b.id = $1 AND b.booker_id = $2 AND b.status IN ('pending', 'confirmed')`, [bookingId, actor.id]);
    if (!rows.length) throw notFound('Booking');
    return this.personalIcs(rows, actor.locale, rows[0]!.space_name);
  }

  /** Busy times of a published space: which unit is taken when, never by whom or what for. */
  async space(spaceId: string): Promise<FeedAnswer> {
    const [space] = (await this.db.query(
      `SELECT s.id, s.name, s.updated_at FROM spaces s JOIN organizations o ON o.id = s.organization_id WHERE s.id = $1 AND s.published AND o.status = 'active'`,
      [spaceId],
    )) as { id: string; name: string; updated_at: Date }[];
    if (!space) throw notFound('Space');
    const window = `b.space_id = $1 AND upper(b.period) >= now() - ${SPACE_HISTORY}`;
    const [print] = (await this.db.query(`SELECT count(*)::int AS n, max(b.updated_at) AS changed FROM bookings b WHERE ${window}`, [space.id])) as Fingerprint[];
    const changed = print!.changed && print!.changed > space.updated_at ? print!.changed : space.updated_at;
    return this.answer({ n: print!.n, changed }, ['s', space.id], async () => {
      const rows = await this.events(`${window} AND b.status IN ('pending', 'confirmed')`, [space.id]);
      return feedIcs({ name: `${space.name} – belegt`, zone: FEED_ZONE, events: rows.map((row) => ({ ...this.eventBase(row), summary: `Belegt: ${row.resource_name}` })) }, this.domain);
    });
  }

  private personalIcs(rows: EventRow[], locale: Locale, name: string): string {
    const de = locale === 'de';
    return feedIcs(
      {
        name,
        zone: FEED_ZONE,
        events: rows.map((row) => ({
          ...this.eventBase(row),
          summary: `${row.space_name} – ${row.resource_name}${row.status === 'pending' ? (de ? ' (Anfrage)' : ' (request)') : ''}`,
          ...(row.purpose ? { description: row.purpose } : {}),
          location: { address: `${row.street}, ${row.postcode} ${row.town}`, lat: row.lat, lon: row.lon },
          url: `${this.publicUrl}/buchungen`,
        })),
      },
      this.domain,
    );
  }

  private urlOf(token: string): string {
    return `${this.publicUrl}/ical/u/${token}.ics`;
  }

  private answer(print: Fingerprint, scope: unknown[], body: () => Promise<string>): FeedAnswer {
    const lastModified = print.changed ?? epoch;
    return { etag: etagOf('v1', ...scope, print.n, lastModified.toISOString()), lastModified, body };
  }

  private eventBase(row: EventRow): Pick<FeedEvent, 'id' | 'tentative' | 'start' | 'end' | 'changedAt'> {
    return { id: row.id, tentative: row.status === 'pending', start: row.starts_at, end: row.ends_at, changedAt: row.updated_at };
  }

  private async events(where: string, params: unknown[]): Promise<EventRow[]> {
    return (await this.db.query(
      `SELECT b.id, b.status, lower(b.period) AS starts_at, upper(b.period) AS ends_at, b.updated_at, b.purpose,
              s.name AS space_name, r.name AS resource_name, s.street, s.postcode, s.town, s.lat, s.lon
         FROM bookings b JOIN spaces s ON s.id = b.space_id JOIN resources r ON r.id = b.resource_id
        WHERE ${where}
        ORDER BY lower(b.period), b.id
        LIMIT ${MAX_EVENTS}`,
      params,
    )) as EventRow[];
  }
}
