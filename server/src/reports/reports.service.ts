import type { DataSource } from 'typeorm';
import { MUNICIPALITY_NAMES, type DemandReport, type DemandReportQuery, type OccupancyReport, type OccupancyReportQuery, type RankingQuery, type RankingReport } from '@landraeume/shared';
import type { Actor } from '../accounts/actor';
import { reportTownsFor } from '../accounts/policy';
import { DomainError } from '../http/errors';
import { monthBounds } from './months';
import { occupancyFigures } from './occupancy.query';
import { demandEventsByTown } from '../demand/demand-log';
import { rankPlaces, surveyFiguresByTown } from '../demand/survey-figures';
import { surveyAnswers } from '../demand/survey.service';

const EMPTY_SURVEY = { responses: 0, coworkingInterested: 0, commuters: 0, commuteKmPerDay: 0, clubRoomInterested: 0 };

/** Figures for municipalities and the platform team; every figure is a count or a sum, never a person. */
export class ReportsService {
  constructor(private readonly db: DataSource) {}

  /** The towns the actor may see, narrowed to the one asked for; 403 for anyone without a town. */
  private async scope(actor: Actor | undefined, asked: string | undefined): Promise<string[]> {
    const administered = actor
      ? ((await this.db.query(
          `SELECT DISTINCT o.municipality FROM memberships m JOIN organizations o ON o.id = m.organization_id
            WHERE m.user_id = $1 AND m.role = 'admin' AND o.kind = 'municipality' AND o.municipality IS NOT NULL`,
          [actor.id],
        )) as { municipality: string }[]).map((r) => r.municipality)
      : [];
    const allowed = reportTownsFor(actor, administered);
    const towns = allowed === 'all' ? [...MUNICIPALITY_NAMES] : allowed;
    if (!towns.length) throw new DomainError('forbidden', 'Reports are for municipalities and the platform team');
    if (!asked) return towns;
    if (!towns.includes(asked)) throw new DomainError('forbidden', 'This town’s figures are not yours to see');
    return [asked];
  }

  async demand(actor: Actor | undefined, query: DemandReportQuery): Promise<DemandReport> {
    const towns = await this.scope(actor, query.municipality);
    const month = monthBounds(query.month);
    const survey = surveyFiguresByTown(await surveyAnswers(this.db, month));
    const events = await demandEventsByTown(this.db, month, towns);
    const byTown = new Map(events.map((e) => [e.municipality, e]));
    const rows = [...towns].sort((a, b) => a.localeCompare(b, 'de')).map((municipality) => {
      const e = byTown.get(municipality);
      return { municipality, ...(survey.get(municipality) ?? EMPTY_SURVEY), searches: e?.searches ?? 0, searchesWithoutResult: e?.without_result ?? 0, refusedBookings: e?.refused ?? 0 };
    });
    return { month: query.month, rows };
  }

  async occupancy(actor: Actor | undefined, query: OccupancyReportQuery): Promise<OccupancyReport> {
    const towns = await this.scope(actor, query.municipality);
    const figures = await occupancyFigures(this.db, query.month, towns);
    const rows = figures.map((f) => {
      const occupancy = f.open_hours > 0 ? Math.round((f.booked_hours / f.open_hours) * 10_000) / 10_000 : null;
      return {
        spaceId: f.space_id, name: f.name, kind: f.kind as OccupancyReport['rows'][number]['kind'], municipality: f.municipality,
        openHours: f.open_hours, bookedHours: f.booked_hours, occupancy, underUsed: occupancy !== null && occupancy < query.threshold,
        noShows: f.no_shows, noShowRate: f.kept_or_missed > 0 ? Math.round((f.no_shows / f.kept_or_missed) * 10_000) / 10_000 : null,
      };
    });
    return { month: query.month, threshold: query.threshold, rows };
  }

  async ranking(actor: Actor | undefined, query: RankingQuery): Promise<RankingReport> {
    const towns = await this.scope(actor, query.municipality);
    const coworking = (await this.db.query(`SELECT lat, lon FROM spaces WHERE published AND kind = 'coworking'`)) as { lat: number; lon: number }[];
    // Ranked over the whole district, so a town sees its places' rank among all, then filtered.
    const rows = rankPlaces(await surveyAnswers(this.db), coworking, query.radiusKm).filter((r) => towns.includes(r.municipality));
    return { radiusKm: query.radiusKm, rows };
  }
}
