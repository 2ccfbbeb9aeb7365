import { DateTime } from 'luxon';
import pg from 'pg';
import { INSERT_BOOKING, insertBookingParameters } from '../../server/src/bookings/booking-writer';
import { madeAhead } from '../lib/load';

export interface Slot {
  spaceId: string;
  resourceId: string;
  start: string;
  end: string;
}

/**
 * The ceiling for the API: bookings written straight into PostgreSQL under the same exclusion
 * constraint, on 64 connections, without HTTP, sessions or rules. `app-insert` runs the API's
 * own write, the one statement that locks the units and inserts the booking, its claims, its
 * audit row and its mail job; `bare` inserts only a booking row and its claim, the least any
 * booking can cost.
 */
export async function sqlCeiling(url: string, connections: number, seconds: number, slot: (n: number) => Slot, write: { kind: 'app-insert'; bookerId: string } | { kind: 'bare' }) {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  // The API checks the calendar version its rules saw (from its catalog); so does the ceiling.
  const versions = new Map(((await pool.query(`SELECT id, calendar_version::text AS version FROM spaces`)).rows as { id: string; version: string }[]).map((r) => [r.id, r.version]));
  /** One booking's write, with everything luxon and JSON have to do for it done already. */
  const writeOf = (s: Slot): ((client: pg.PoolClient) => Promise<unknown>) => {
    if (write.kind === 'app-insert') {
      const values = insertBookingParameters({
        actorId: write.bookerId, spaceId: s.spaceId, resourceId: s.resourceId, units: [s.resourceId],
        period: { start: DateTime.fromISO(s.start, { setZone: true }), end: DateTime.fromISO(s.end, { setZone: true }), wholeDay: false },
        pending: false, pendingExpiryHours: 72, purpose: '', attendees: null, organizationId: null, priceCents: 0, notify: true,
      }, { calendarVersion: versions.get(s.spaceId) ?? null, alone: true });
      return (client) => client.query({ name: INSERT_BOOKING.name, text: INSERT_BOOKING.text, values });
    }
    return async (client) => {
      await client.query('BEGIN');
      const { rows } = await client.query(
        `INSERT INTO bookings (space_id, resource_id, period, status, price_cents) VALUES ($1, $2, tstzrange($3, $4), 'confirmed', 0) RETURNING id`,
        [s.spaceId, s.resourceId, s.start, s.end],
      );
      await client.query(`INSERT INTO booking_claims (booking_id, unit_id, period) VALUES ($1, $2, tstzrange($3, $4))`, [rows[0].id, s.resourceId, s.start, s.end]);
      await client.query('COMMIT');
    };
  };
  let made = 0;
  // Made before the clock starts, as the API's requests are (madeAhead).
  const writes = madeAhead(() => writeOf(slot(made++)), seconds * 4_000);
  let created = 0;
  const until = performance.now() + seconds * 1000;
  const worker = async () => {
    const client = await pool.connect();
    try {
      while (performance.now() < until) {
        await writes()(client);
        created++;
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  await pool.end();
  return { created, perSecond: created / seconds };
}
