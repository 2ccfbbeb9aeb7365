import type { Request, Response } from 'express';
import { demandReportQuerySchema, demandReportSchema, occupancyReportQuerySchema, occupancyReportSchema, rankingQuerySchema, rankingReportSchema } from '@landraeume/shared';
import { defineRoute, type AnyRoute } from '../http/route';
import { toCsv, type CsvColumn } from '../http/csv';
import { DEMAND_COLUMNS, OCCUPANCY_COLUMNS, RANKING_COLUMNS } from './reports.csv';
import type { ReportsService } from './reports.service';

/** JSON by default; CSV for `?format=csv` or a client that asks for text/csv first. */
function answer<T>(report: { rows: T[] }, columns: CsvColumn<T>[], filename: string, format: 'json' | 'csv' | undefined, { req, res }: { req: Request; res: Response }) {
  const csv = format === 'csv' || (format === undefined && req.accepts(['application/json', 'text/csv']) === 'text/csv');
  if (!csv) return report;
  res.setHeader('Content-Disposition', `attachment; filename="${filename}.csv"`);
  res.type('text/csv; charset=utf-8').send(toCsv(columns, report.rows));
  return undefined;
}

export function reportRoutes(reports: ReportsService): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/reports/demand',
      summary: 'Demand per town and month: survey interest, commuters and km a day, searches without result, refused bookings (CSV too)',
      access: 'verified',
      response: demandReportSchema,
      query: demandReportQuerySchema,
      handler: async ({ actor, query }, http) => answer(await reports.demand(actor, query), DEMAND_COLUMNS, `nachfrage-${query.month}`, query.format, http),
    }),
    defineRoute({
      method: 'get',
      path: '/api/reports/occupancy',
      summary: 'Occupancy per space and month (booked ÷ open unit-hours), under-used below ?threshold (CSV too)',
      access: 'verified',
      response: occupancyReportSchema,
      query: occupancyReportQuerySchema,
      handler: async ({ actor, query }, http) => answer(await reports.occupancy(actor, query), OCCUPANCY_COLUMNS, `auslastung-${query.month}`, query.format, http),
    }),
    defineRoute({
      method: 'get',
      path: '/api/reports/coworking-ranking',
      summary: 'Places ranked by car-commuter km a week not yet within ?radiusKm of a coworking space (CSV too)',
      access: 'verified',
      response: rankingReportSchema,
      query: rankingQuerySchema,
      handler: async ({ actor, query }, http) => answer(await reports.ranking(actor, query), RANKING_COLUMNS, 'coworking-standorte', query.format, http),
    }),
  ];
}
