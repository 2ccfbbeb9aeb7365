import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { poolQueryable } from '../db/pool';
import { preparedFor, runPrepared } from '../db/prepared';
import type { Queryable } from '../db/queryable';
import type { Availability, AvailabilityQuery, SpaceDetail, SpaceList, SpaceListQuery } from '@landraeume/shared';
import type { Actor } from '../accounts/actor';
import { computeAvailability, localWindow, unitsFreeThroughout } from '../availability/availability';
import { closedHolidayDates, nrwHolidays } from './holidays';
import type { SearchDemand } from '../demand/demand-log';
import { buildCandidatesSql, buildListSql, windowOf, type Window } from './search.query';
import { presentSpaceDetail } from './space-detail.presenter';
import { claimsOf, loadClosures, loadOpeningHours, loadResources, type ClaimTuple } from './space-calendar.repository';
import { SpaceCatalog, type CatalogEntry } from './space-catalog';
import { isListed, loadVisibleSpace, visibleOrNotFound } from './space-loader';
import { loadSpaceWindow } from './space-window.repository';
import { presentSpaceSummary, roundedKm, type SpaceSummaryRow } from './spaces.presenter';

interface Candidate {
  id: string;
  version: string;
  distance_km: number | null;
  claims: ClaimTuple[];
}

/** Candidates looked at in one statement at most, so a far page costs several small ones. */
const MAX_BATCH = 400;

export class SpaceService {
  private readonly pool: Queryable;

  constructor(
    private readonly db: DataSource,
    private readonly now: () => DateTime = () => DateTime.now(),
    /** Where searches with a window are counted as demand; injectable so a test can make it fail. */
    private readonly recordSearch: (entry: SearchDemand) => void | Promise<void> = () => undefined,
    /** Where searches run: the app's pool, or connections of their own with generic plans (db/generic-plans.ts). */
    private readonly searchDb: Queryable = db,
    /** The fixed parts of spaces, shared with whatever else of this server reads calendars. */
    readonly catalog: SpaceCatalog = new SpaceCatalog(),
  ) {
    this.pool = poolQueryable(db);
  }

  private runSearch<T>(sql: { text: string; params: unknown[] }): Promise<T[]> {
    return runPrepared(this.searchDb, preparedFor('search', sql.text), sql.params);
  }

  async search(query: SpaceListQuery): Promise<SpaceList> {
    const window = windowOf(query);
    const answer = window ? await this.searchFree(query, window) : await this.list(query);
    await this.countDemand(query, window, answer.total ?? answer.items.length);
    return answer;
  }

  private async list(query: SpaceListQuery): Promise<SpaceList> {
    const sql = buildListSql(query);
    const rows = await this.runSearch<SpaceSummaryRow & { total: number }>(sql);
    let total = rows[0]?.total ?? 0;
    if (rows.length === 0 && query.page > 1) {
      const first = buildListSql({ ...query, page: 1, pageSize: 1 });
      total = (await this.runSearch<{ total: number }>(first))[0]?.total ?? 0;
    }
    return { items: rows.map(presentSpaceSummary), total, hasMore: query.page * query.pageSize < total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * Whether a space has a free unit in the window is the expensive part of a search, so it is
   * decided for the candidates in the answer's order, a batch at a time, only until the page (and
   * one more, for `hasMore`) is full. The total is known only when every candidate was looked at.
   */
  private async searchFree(query: SpaceListQuery, window: Window): Promise<SpaceList> {
    const wanted = query.page * query.pageSize + 1;
    const found: { entry: CatalogEntry; distanceKm: number | null; free: number }[] = [];
    // The spaces of a district share one zone, and so the holidays of the window.
    const holidays = new Map<string, string[]>();
    const holidaysOf = (entry: CatalogEntry) => {
      const key = entry.space.holidays_closed ? entry.space.zone : '';
      let dates = holidays.get(key);
      if (!dates) holidays.set(key, (dates = closedHolidayDates(entry.space.holidays_closed, localWindow(entry.space.zone, window))));
      return dates;
    };
    let looked = 0;
    let exhausted = false;
    // Some candidates are always taken or closed, and a second batch costs a round trip: the
    // first one looks at a quarter as many again as the page needs (in the benchmark district
    // that is enough for 998 of 1,000 searches; each candidate costs an index probe).
    let limit = Math.min(wanted + Math.ceil(wanted / 4), MAX_BATCH);
    while (found.length < wanted && !exhausted) {
      const candidates = await this.candidates(query, window, looked, limit);
      for (const { entry, candidate } of candidates) {
        if (!isListed(entry.space)) continue;
        const free = unitsFreeThroughout({ ...entry.calendar, holidays: holidaysOf(entry), claims: claimsOf(candidate.claims) }, window.from, window.to);
        if (free > 0) found.push({ entry, distanceKm: candidate.distance_km, free });
      }
      exhausted = candidates.length < limit;
      looked += limit;
      limit = Math.min(limit * 2, MAX_BATCH);
    }
    const items = found
      .slice((query.page - 1) * query.pageSize, query.page * query.pageSize)
      .map(({ entry, distanceKm, free }) => ({ ...entry.summary, distanceKm: roundedKm(distanceKm), freeUnits: free }));
    const total = exhausted ? found.length : null;
    return { items, total, hasMore: found.length > query.page * query.pageSize, page: query.page, pageSize: query.pageSize };
  }

  /**
   * One batch of candidates with their fixed parts. Spaces the catalog does not hold at the
   * batch's version are fetched; if one changed between the two statements, the batch is read
   * again, so that its claims and its fixed parts are always of one snapshot.
   */
  private async candidates(query: SpaceListQuery, window: Window, offset: number, limit: number): Promise<{ entry: CatalogEntry; candidate: Candidate }[]> {
    for (;;) {
      const rows = await this.runSearch<Candidate>(buildCandidatesSql(query, window, { offset, limit }));
      const missing = rows.filter((row) => !this.catalog.at(row.version)).map((row) => row.id);
      if (missing.length) await this.catalog.fetch(this.pool, missing);
      const entries = rows.map((candidate) => ({ entry: this.catalog.at(candidate.version)!, candidate }));
      if (entries.every(({ entry }) => entry)) return entries;
    }
  }

  /**
   * A search with a window is demand, found or not, counted once the answer is known
   * (demand/demand-log.ts writes them in batches); a failure is swallowed, because the figure
   * is worth less than the search itself.
   */
  private async countDemand(query: SpaceListQuery, window: Window | undefined, resultCount: number): Promise<void> {
    if (!window || query.page > 1) return;
    try {
      await this.recordSearch({ query, window, resultCount });
    } catch {
      // Deliberately dropped; see above.
    }
  }

  async detail(actor: Actor | undefined, ref: string): Promise<SpaceDetail> {
    const space = await loadVisibleSpace(this.db, actor, ref);
    const today = this.now().setZone(space.zone).toISODate()!;
    const yearAhead = this.now().setZone(space.zone).plus({ years: 1 }).toISODate()!;
    const [resources, openingHours, closures] = await Promise.all([
      loadResources(this.db, space.id),
      loadOpeningHours(this.db, space.id),
      loadClosures(this.db, space.id, today, '9999-12-31'),
    ]);
    const holidays = space.holidays_closed ? nrwHolidays(today, yearAhead) : [];
    return presentSpaceDetail(space, { resources, openingHours, closures, holidays });
  }

  async availability(actor: Actor | undefined, ref: string, query: AvailabilityQuery): Promise<Availability> {
    const found = await loadSpaceWindow(this.pool, this.catalog, ref, query);
    const space = visibleOrNotFound(found?.entry.space, actor);
    const { entry, claims } = found!;
    const local = localWindow(space.zone, query);
    const result = computeAvailability({
      ...entry.calendar,
      slotMinutes: space.slot_minutes,
      window: { from: query.from, to: query.to },
      holidays: closedHolidayDates(space.holidays_closed, local),
      claims,
    });
    return { spaceId: space.id, zone: space.zone, slotMinutes: space.slot_minutes, from: local.from, to: local.to, ...result };
  }
}
