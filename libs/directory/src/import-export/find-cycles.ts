/**
 * The nodes that lie on a cycle of a graph where each node has at most one outgoing edge (a parent,
 * or a successor), among those reachable from `starts`. Linear: each node is walked once.
 */
export function nodesOnCycles(
  starts: Iterable<string>,
  next: (node: string) => string | null | undefined,
): Set<string> {
  const done = new Set<string>();
  const onCycle = new Set<string>();
  for (const start of starts) {
    const path: string[] = [];
    const index = new Map<string, number>();
    let node: string | null | undefined = start;
    while (node && !done.has(node)) {
      const seenAt = index.get(node);
      if (seenAt !== undefined) {
        for (const n of path.slice(seenAt)) onCycle.add(n);
        break;
      }
      index.set(node, path.length);
      path.push(node);
      node = next(node);
    }
    for (const n of path) done.add(n);
  }
  return onCycle;
}
