import type { RouteResolver } from './route-resolver';

/** Whether two agency codes name the same agency today (each followed through its successors). */
export async function sameAgency(routes: RouteResolver, a: string, b: string): Promise<boolean> {
  if (a === b) return true;
  const [x, y] = await Promise.all([routes.current(a), routes.current(b)]);
  return !!x && !!y && x.id === y.id;
}
