import { useQuery } from '@tanstack/react-query';
import { api } from '../client/vanthu-api';

/** Reference lists that change rarely: fetched once per session and shared by every screen. */
export const useDocumentTypes = () =>
  useQuery({ queryKey: ['document-types'], queryFn: api.documentTypes, staleTime: Infinity });

export const useUsers = (agencyId: string) =>
  useQuery({ queryKey: ['users', agencyId], queryFn: () => api.users(agencyId), staleTime: 5 * 60_000 });

export const useUnits = (agencyId: string) =>
  useQuery({ queryKey: ['units', agencyId], queryFn: () => api.units(agencyId), staleTime: 5 * 60_000 });
