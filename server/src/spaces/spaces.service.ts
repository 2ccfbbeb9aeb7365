import type { DataSource } from 'typeorm';
import type { SpaceListQuery } from '@landraeume/shared';
import { presentSpaceSummary, type SpaceSummaryRow } from './spaces.presenter';

export class SpaceService {
  constructor(private readonly db: DataSource) {}

  async listPublished(query: SpaceListQuery) {
    const where = ['s.published'];
    const params: unknown[] = [];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.kind) where.push(`s.kind = ${bind(query.kind)}`);
    if (query.municipality) where.push(`s.municipality = ${bind(query.municipality)}`);
    if (query.q) {
      const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(`(s.name ILIKE ${bind(pattern)} OR s.town ILIKE $${params.length} OR s.description ILIKE $${params.length})`);
    }
    const filter = where.join(' AND ');
    const [{ total }] = (await this.db.query(`SELECT count(*)::int AS total FROM spaces s WHERE ${filter}`, params)) as [{ total: number }];
    const offset = (query.page - 1) * query.pageSize;
    const rows = (await this.db.query(
      `SELECT s.*, o.name AS provider_name,
              (SELECT count(*)::int FROM resources r WHERE r.space_id = s.id AND r.kind = 'desk' AND r.active) AS desk_count
         FROM spaces s JOIN organizations o ON o.id = s.organization_id
        WHERE ${filter}
        ORDER BY s.municipality, s.name, s.id
        LIMIT ${bind(query.pageSize)} OFFSET ${bind(offset)}`,
      params,
    )) as SpaceSummaryRow[];
    return { items: rows.map(presentSpaceSummary), total, page: query.page, pageSize: query.pageSize };
  }
}
