import type { DataSource } from 'typeorm';
import { spaceListQuerySchema } from '@landraeume/shared';
import { buildCandidatesSql, windowOf } from '../../server/src/spaces/search.query';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'CTE Name'?: string;
  'Subplan Name'?: string;
  'Parent Relationship'?: string;
  'Actual Total Time': number;
  'Actual Loops': number;
  'Actual Rows': number;
  Plans?: PlanNode[];
}

export interface Explained {
  executionMs: number;
  planningMs: number;
  /** The nodes with the most time of their own (children's time taken off), most first. */
  hotspots: { node: string; ms: number; rows: number; loops: number }[];
  /** Own time summed per CTE of the statement ("main" for the rest). */
  parts: [string, number][];
  text: string;
}

const labelOf = (n: PlanNode, part: string) => `${part}: ${[n['Node Type'], n['Index Name'] ?? n['Relation Name'] ?? n['CTE Name']].filter(Boolean).join(' ')}`;
const totalOf = (n: PlanNode) => n['Actual Total Time'] * n['Actual Loops'];
const cteOf = (n: PlanNode) => (n['Parent Relationship'] === 'InitPlan' && n['Subplan Name']?.startsWith('CTE ') ? n['Subplan Name'].slice(4) : undefined);

/**
 * Time of each plan node's own: its total minus its children's. A CTE is run by whichever CTE
 * Scan reads it first, so its time is taken off that scan (and not off the statement as well).
 */
function hotspotsOf(root: PlanNode): (Explained['hotspots'][number] & { part: string })[] {
  const unclaimed = new Map<string, number>();
  const collect = (n: PlanNode) => {
    const cte = cteOf(n);
    if (cte) unclaimed.set(cte, totalOf(n));
    n.Plans?.forEach(collect);
  };
  collect(root);
  const nodes: ReturnType<typeof hotspotsOf> = [];
  const walk = (n: PlanNode, part: string) => {
    const children = (n.Plans ?? []).filter((child) => !cteOf(child));
    let own = totalOf(n) - children.reduce((sum, child) => sum + totalOf(child), 0);
    if (n['Node Type'] === 'CTE Scan' && n['CTE Name']) {
      own -= unclaimed.get(n['CTE Name']) ?? 0;
      unclaimed.set(n['CTE Name'], 0);
    }
    nodes.push({ part, node: labelOf(n, part), ms: Math.max(own, 0), rows: n['Actual Rows'] * n['Actual Loops'], loops: n['Actual Loops'] });
    n.Plans?.forEach((child) => walk(child, cteOf(child) ?? part));
  };
  walk(root, 'main');
  return nodes.sort((a, b) => b.ms - a.ms);
}

/**
 * EXPLAIN ANALYZE of the statement that decides free units for the first batch of candidates,
 * exactly as the search endpoint runs it for this query string (it needs a window).
 */
export async function explainSearch(db: DataSource, queryString: string): Promise<Explained> {
  const query = spaceListQuerySchema.parse(Object.fromEntries(new URLSearchParams(queryString)));
  const window = windowOf(query);
  if (!window) throw new Error(`explainSearch needs a search with a window: ${queryString}`);
  const sql = buildCandidatesSql(query, window, { offset: 0, limit: query.pageSize + 1 });
  await db.query(sql.text, sql.params); // warm the cache as the load test will have it
  const [{ 'QUERY PLAN': [plan] }] = (await db.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql.text}`, sql.params)) as [
    { 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number; 'Planning Time': number }] },
  ];
  const text = ((await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, sql.params)) as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
  const nodes = hotspotsOf(plan.Plan);
  const parts = new Map<string, number>();
  for (const n of nodes) parts.set(n.part, (parts.get(n.part) ?? 0) + n.ms);
  return {
    executionMs: plan['Execution Time'],
    planningMs: plan['Planning Time'],
    hotspots: nodes.slice(0, 8).map(({ node, ms, rows, loops }) => ({ node, ms, rows, loops })),
    parts: [...parts].sort((a, b) => b[1] - a[1]),
    text,
  };
}
