import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../client/http';

/** The app's one query cache: the route preload fills it before React mounts (main.tsx). */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a network hiccup may.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
});
