import { DateTime } from 'luxon';
import { MUNICIPALITIES, type SpaceListQuery } from '@landraeume/shared';
import type { Queryable } from '../db/queryable';
import { nearestTown, snapToGrid, type Point } from './grid';

/*
 * Anonymous demand events: what people looked for and did not get. Nothing here ever takes a
 * user, a session or a request: the signatures make it impossible to record who asked.
 */

export interface DemandWindow {
  from: string;
  to: string;
}

export interface SearchDemand {
  query: Pick<SpaceListQuery, 'kind' | 'municipality' | 'near' | 'postcode'>;
  window: DemandWindow;
  resultCount: number;
}

function originOf(query: SearchDemand['query']): Point | undefined {
  if (query.near) return query.near;
  const town = query.postcode ? MUNICIPALITIES.find((m) => m.postcode === query.postcode) : undefined;
  return town ? { lat: town.lat, lon: town.lon } : undefined;
}

/** A search's row of demand_events: the point, if any, only as its 1 km grid cell. */
function searchRow({ query, window, resultCount }: SearchDemand): unknown[] {
  const origin = originOf(query);
  const cell = origin ? snapToGrid(origin) : undefined;
  const town = query.municipality ?? (origin ? nearestTown(origin) : undefined);
  return [town ?? null, cell?.lat ?? null, cell?.lon ?? null, query.kind ?? null, window.from, window.to, resultCount];
}

/**
 * Searches with a window, written together: one INSERT for all the searches of a second (or of
 * MAX_BATCH searches) instead of one per search, which cost a search a round trip and a
 * statement. A search is a read, so its rows also commit asynchronously. What is still buffered
 * when the process ends without `flush` (a crash) is lost: up to a second of counted searches,
 * which no figure built on them can notice; a failed write is dropped for the same reason.
 */
export class SearchDemandLog {
  private pending: unknown[][] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Queryable,
    private readonly onError: (err: unknown) => void,
    private readonly delayMs = 1_000,
    private readonly maxBatch = 500,
  ) {}

  record(entry: SearchDemand): void {
    this.pending.push(searchRow(entry));
    if (this.pending.length >= this.maxBatch) void this.flush();
    // Unreferenced, so a buffered row never keeps a process alive that is otherwise done.
    else this.timer ??= setTimeout(() => void this.flush(), this.delayMs).unref();
  }

  /** Writes what is buffered now; the app calls it when it closes. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const rows = this.pending;
    this.pending = [];
    if (!rows.length) return;
    const column = (i: number) => rows.map((row) => row[i]);
    await this.db
      .query(
        `INSERT INTO demand_events (source, municipality, grid_lat, grid_lon, space_kind, window_start, window_end, result_count)
         SELECT 'search', e.* FROM unnest($1::text[], $2::float8[], $3::float8[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::int[]) AS e,
                (SELECT set_config('synchronous_commit', 'off', true)) AS async_commit`,
        [0, 1, 2, 3, 4, 5, 6].map(column),
      )
      .catch(this.onError);
  }
}

export interface RefusedDemand {
  /** `quota_exceeded` is for the contracts module: a desk wanted, but the employer's quota was used up. */
  reason: 'booking_conflict' | 'quota_exceeded';
  spaceId: string;
  window: DemandWindow;
}

/**
 * A booking that was refused although someone wanted it: records the space, its kind and town,
 * and the wanted window, and nobody's identity. Call it outside the refused transaction (its
 * rollback would take the row with it). Never throws: losing one figure must not turn a clear
 * refusal into a server error. Committed asynchronously, as searches are: 490 refusals in a
 * rush for ten desks each waited for their own disk flush, and the refused waited seconds.
 */
export async function recordRefusedDemand(db: Queryable, { reason, spaceId, window }: RefusedDemand): Promise<void> {
  try {
    await db.query(
      `INSERT INTO demand_events (source, municipality, space_kind, space_id, window_start, window_end)
       SELECT $1, s.municipality, s.kind, s.id, $3, $4 FROM spaces s, (SELECT set_config('synchronous_commit', 'off', true)) AS async_commit WHERE s.id = $2`,
      [reason, spaceId, window.from, window.to],
    );
  } catch {
    // Deliberately dropped; see above.
  }
}

/** The window of a booking request: its start and end, or the whole local day. */
export function requestedWindow(input: { date?: string | undefined; start?: string | undefined; end?: string | undefined }): DemandWindow | undefined {
  if (input.date) {
    const day = DateTime.fromISO(input.date, { zone: 'Europe/Berlin' });
    return { from: day.toISO()!, to: day.plus({ days: 1 }).toISO()! };
  }
  return input.start && input.end ? { from: input.start, to: input.end } : undefined;
}

export interface TownDemandCounts {
  municipality: string;
  searches: number;
  without_result: number;
  refused: number;
}

/** Per town: searches, those that found nothing, and refused bookings between two instants. */
export async function demandEventsByTown(db: Queryable, window: DemandWindow, towns: string[]): Promise<TownDemandCounts[]> {
  return (await db.query(
    `SELECT municipality,
            count(*) FILTER (WHERE source = 'search')::int AS searches,
            count(*) FILTER (WHERE source = 'search' AND result_count = 0)::int AS without_result,
            count(*) FILTER (WHERE source IN ('booking_conflict', 'quota_exceeded'))::int AS refused
       FROM demand_events WHERE occurred_at >= $1 AND occurred_at < $2 AND municipality = ANY($3)
      GROUP BY municipality`,
    [window.from, window.to, towns],
  )) as TownDemandCounts[];
}
