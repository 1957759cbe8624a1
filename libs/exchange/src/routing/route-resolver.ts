import { Injectable } from '@nestjs/common';
import { type Agency, AgencyRepository, ResolveSuccessorUseCase } from '@vanthu/directory';
import { isAppException } from '@vanthu/shared';
import { DEFAULT_ROUTE } from '../peers/peers-file';
import type { ExchangePeerEntity } from '../peers/exchange-peer.entity';
import { ExchangePeerRepository } from '../peers/exchange-peer.repository';

export type Route =
  | { readonly kind: 'local'; readonly agency: Agency }
  | { readonly kind: 'peer'; readonly peer: ExchangePeerEntity; readonly code: string }
  | { readonly kind: 'none'; readonly code: string };

/**
 * Routes already resolved by one piece of work (a batch received), by recipient code: a hub
 * forwarding a batch looks each recipient up once. Held only for that work, so a route changed
 * in the meantime is followed by the next batch.
 */
export type RouteMemo = Map<string, Promise<Route>>;

/**
 * Where a recipient code is reached (docs/exchange.md "Routing is data"): its successor if it was
 * merged or renamed; hosted here → local; else the route of the code or of its nearest ancestor
 * that has one; else the default route `*`; else none. The hierarchy is the directory's, so a
 * two-tier directory needs no other code.
 */
@Injectable()
export class RouteResolver {
  constructor(
    private readonly agencies: AgencyRepository,
    private readonly successors: ResolveSuccessorUseCase,
    private readonly peers: ExchangePeerRepository,
  ) {}

  resolve(code: string, memo?: RouteMemo): Promise<Route> {
    let route = memo?.get(code);
    if (!route) {
      route = this.lookup(code);
      if (memo) {
        memo.set(code, route);
        // a passing failure (the database) fails this package only: the next one looks again
        route.catch(() => memo.delete(code));
      }
    }
    return route;
  }

  private async lookup(code: string): Promise<Route> {
    const current = await this.current(code);
    if (current?.hosted) return { kind: 'local', agency: current };
    const target = current?.code ?? code;
    const ancestors = current ? await this.agencies.findAncestors(current.id) : [];
    const candidates = [target, ...ancestors.reverse().map((a) => a.code), DEFAULT_ROUTE];
    const peer = await this.peers.firstRoute(candidates);
    return peer ? { kind: 'peer', peer, code: target } : { kind: 'none', code: target };
  }

  /** The agency answering today for `code`; undefined when the directory does not know it. */
  async current(code: string): Promise<Agency | undefined> {
    try {
      return (await this.successors.execute({ code })).current;
    } catch (error) {
      if (
        isAppException(error) &&
        (error.code === 'AGENCY_NOT_FOUND' || error.code === 'AGENCY_CODE_INVALID')
      )
        return undefined;
      throw error;
    }
  }
}
