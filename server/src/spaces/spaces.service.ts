import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { preparedFor, runPrepared } from '../db/prepared';
import type { Queryable } from '../db/queryable';
import type { Availability, AvailabilityQuery, SpaceDetail, SpaceList, SpaceListQuery } from '@landraeume/shared';
import type { Actor } from '../accounts/actor';
import { computeAvailability, localWindow } from '../availability/availability';
import type { IsoWeekday } from '../availability/availability.types';
import { nrwHolidays } from './holidays';
import { recordSearchDemand, type SearchDemand } from '../demand/demand-log';
import { buildFreeSql, buildListSql, windowOf, type Window } from './search.query';
import { presentSpaceDetail } from './space-detail.presenter';
import { loadClosures, loadOpeningHours, loadResources, loadSpaceCalendar } from './space-calendar.repository';
import { loadVisibleSpace, visibleOrNotFound } from './space-loader';
import { presentSpaceSummary, type SpaceSummaryRow } from './spaces.presenter';

/** Candidates looked at in one statement at most, so a far page costs several small ones. */
const MAX_BATCH = 400;

export class SpaceService {
  constructor(
    private readonly db: DataSource,
    private readonly now: () => DateTime = () => DateTime.now(),
    /** Where searches with a window are counted as demand; injectable so a test can make it fail. */
    private readonly recordSearch: (entry: SearchDemand) => Promise<void> = (entry) => recordSearchDemand(db, entry),
    /** Where searches run: the app's pool, or connections of their own with generic plans (db/generic-plans.ts). */
    private readonly searchDb: Queryable = db,
  ) {}

  private runSearch<T>(sql: { text: string; params: unknown[] }): Promise<T[]> {
    return runPrepared(this.searchDb, preparedFor('search', sql.text), sql.params);
  }

  async search(query: SpaceListQuery): Promise<SpaceList> {
    const window = windowOf(query);
    const answer = window ? await this.searchFree(query, window) : await this.list(query);
    await this.countDemand(query, answer.total ?? answer.items.length);
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
    const found: SpaceSummaryRow[] = [];
    let looked = 0;
    let exhausted = false;
    let limit = wanted;
    while (found.length < wanted && !exhausted) {
      const sql = buildFreeSql(query, window, { offset: looked, limit });
      const rows = await this.runSearch<SpaceSummaryRow>(sql);
      found.push(...rows.filter((row) => row.free_units !== null));
      exhausted = rows.length < limit;
      looked += limit;
      limit = Math.min(limit * 2, MAX_BATCH);
    }
    const items = found.slice((query.page - 1) * query.pageSize, query.page * query.pageSize).map(presentSpaceSummary);
    const total = exhausted ? found.length : null;
    return { items, total, hasMore: found.length > query.page * query.pageSize, page: query.page, pageSize: query.pageSize };
  }

  /**
   * A search with a window is demand, found or not. One INSERT after the answer is known; a
   * failure is swallowed, because the figure is worth less than the search itself.
   */
  private async countDemand(query: SpaceListQuery, resultCount: number): Promise<void> {
    const window = windowOf(query);
    if (!window || query.page > 1) return;
    await this.recordSearch({ query, window, resultCount }).catch(() => undefined);
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
    const { resources, openingHours, closures, claims, ...space } = visibleOrNotFound(await loadSpaceCalendar(this.db, ref, query), actor);
    const { firstDay, lastDay, from, to } = localWindow(space.zone, query);
    const result = computeAvailability({
      zone: space.zone,
      slotMinutes: space.slot_minutes,
      window: { from: query.from, to: query.to },
      openingHours: openingHours.map((h) => ({ ...h, weekday: h.weekday as IsoWeekday })),
      closures: closures.map(({ startsOn, endsOn, resourceId }) => ({ startsOn, endsOn, resourceId })),
      holidays: space.holidays_closed ? nrwHolidays(firstDay, lastDay).map((h) => h.date) : [],
      resources: resources.map(({ id, kind, parentId, active }) => ({ id, kind, parentId, active })),
      claims,
    });
    return { spaceId: space.id, zone: space.zone, slotMinutes: space.slot_minutes, from, to, ...result };
  }
}
