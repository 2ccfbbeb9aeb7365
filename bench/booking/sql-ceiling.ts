import pg from 'pg';

/** The same booking and claim inserts, straight into PostgreSQL with the same constraint: the ceiling for the API. */
export async function sqlCeiling(url: string, connections: number, seconds: number, slot: (n: number) => { spaceId: string; resourceId: string; start: string; end: string }) {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  let next = 0;
  let created = 0;
  const until = performance.now() + seconds * 1000;
  const worker = async () => {
    const client = await pool.connect();
    try {
      while (performance.now() < until) {
        const s = slot(next++);
        await client.query('BEGIN');
        const { rows } = await client.query(
          `INSERT INTO bookings (space_id, resource_id, period, status, price_cents) VALUES ($1, $2, tstzrange($3, $4), 'confirmed', 0) RETURNING id`,
          [s.spaceId, s.resourceId, s.start, s.end],
        );
        await client.query(`INSERT INTO booking_claims (booking_id, unit_id, period) VALUES ($1, $2, tstzrange($3, $4))`, [rows[0].id, s.resourceId, s.start, s.end]);
        await client.query('COMMIT');
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
