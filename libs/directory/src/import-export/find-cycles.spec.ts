import { nodesOnCycles } from './find-cycles';

function graph(edges: Record<string, string | null>) {
  return (node: string) => edges[node];
}

describe('nodesOnCycles', () => {
  it('finds nothing in a tree', () => {
    expect(nodesOnCycles(['c', 'b', 'x'], graph({ a: null, b: 'a', c: 'b', x: 'a' }))).toEqual(new Set());
  });

  it('finds a three-node cycle but not the node that merely leads into it', () => {
    const next = graph({ a: 'b', b: 'c', c: 'a', d: 'a' });
    expect(nodesOnCycles(['d'], next)).toEqual(new Set(['a', 'b', 'c']));
  });

  it('finds a self loop and stops at unknown nodes', () => {
    expect(nodesOnCycles(['s', 'u'], graph({ s: 's', u: 'missing' }))).toEqual(new Set(['s']));
  });
});
