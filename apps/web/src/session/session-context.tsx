import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import { ApiError, setUnauthorizedHandler } from '../client/http';
import type { Me, MyAgency, Role } from '../client/types';
import { api } from '../client/vanthu-api';

export interface Session {
  me: Me;
  /** The agencies the user has a role in (their own first), with names and codes. */
  agencies: MyAgency[];
  rolesIn(agencyId: string): Role[];
  hasRole(agencyId: string, ...roles: Role[]): boolean;
}

/** The current user, or null without a session; also started by the route preload (main.tsx). */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async () => {
    try {
      return await api.auth.me();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return null;
      throw e;
    }
  },
  staleTime: Infinity,
  retry: false,
});

const SessionContext = createContext<Session | null | undefined>(undefined);

/** Loads the current user (`/auth/me`); `null` when there is no session. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery(meQuery);
  useEffect(() => {
    setUnauthorizedHandler(() => queryClient.setQueryData(['me'], null));
  }, [queryClient]);

  const value = useMemo<Session | null | undefined>(() => {
    if (me.isPending) return undefined;
    if (!me.data) return null;
    const user = me.data;
    const rolesIn = (agencyId: string) =>
      user.roles.filter((r) => r.agencyId === agencyId).map((r) => r.role);
    return {
      me: user,
      agencies: user.agencies,
      rolesIn,
      hasRole: (agencyId, ...roles) => rolesIn(agencyId).some((r) => roles.includes(r)),
    };
  }, [me.isPending, me.data]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** undefined while loading, null when logged out. */
export function useSessionState(): Session | null | undefined {
  return useContext(SessionContext);
}

/** The session of a logged-in screen (the router only renders those with a session). */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a logged-in screen');
  return session;
}
