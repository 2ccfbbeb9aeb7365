import type { AvailabilityResource } from './availability.types';
import { perObject } from './memo';

export interface ResourceTree {
  readonly byId: ReadonlyMap<string, AvailabilityResource>;
  /** Resources without parts, in input order. */
  readonly leaves: readonly string[];
  /** Leaf units of each resource: itself if it has no parts, else the leaves of its parts. */
  readonly leavesOf: ReadonlyMap<string, readonly string[]>;
  /** The resource and every composite above it. */
  readonly lineageOf: ReadonlyMap<string, readonly string[]>;
  /** Resources without a parent, in input order. */
  readonly topLevel: readonly string[];
  /** Resources of kind desk, in input order. */
  readonly desks: readonly string[];
  /** Leaves that can be booked at all: they and every composite above them are active. */
  readonly activeLeaves: readonly string[];
}

/** The tree of a resources array, built once per array (see perObject). */
export const treeOf = perObject(buildTree);

function buildTree(resources: readonly AvailabilityResource[]): ResourceTree {
  const byId = new Map<string, AvailabilityResource>();
  for (const r of resources) {
    if (byId.has(r.id)) throw new RangeError(`duplicate resource id: ${r.id}`);
    byId.set(r.id, r);
  }

  const lineageOf = new Map<string, string[]>();
  for (const r of resources) {
    const lineage = [r.id];
    for (let parentId = r.parentId; parentId !== null; ) {
      const parent = byId.get(parentId);
      // Treating the part as top-level instead would let it be booked apart from its whole.
      if (!parent) throw new RangeError(`resource ${r.id} has unknown parent ${parentId}`);
      // A cycle has no leaf units, so nothing in it could ever be booked.
      if (lineage.includes(parent.id)) throw new RangeError(`resource ${r.id} is its own ancestor`);
      lineage.push(parent.id);
      parentId = parent.parentId;
    }
    lineageOf.set(r.id, lineage);
  }

  const hasParts = new Set(resources.flatMap((r) => (r.parentId === null ? [] : [r.parentId])));
  const leaves = resources.filter((r) => !hasParts.has(r.id)).map((r) => r.id);
  const leavesOf = new Map<string, string[]>(resources.map((r) => [r.id, []]));
  for (const leaf of leaves) {
    for (const id of lineageOf.get(leaf)!) leavesOf.get(id)!.push(leaf);
  }
  const topLevel = resources.filter((r) => r.parentId === null).map((r) => r.id);
  const desks = resources.filter((r) => r.kind === 'desk').map((r) => r.id);
  const activeLeaves = leaves.filter((leaf) => lineageOf.get(leaf)!.every((id) => byId.get(id)!.active));
  return { byId, leaves, leavesOf, lineageOf, topLevel, desks, activeLeaves };
}
