import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../client/http';
import { useToast } from '../../ui/toast';

/**
 * Runs one change of an entry: shows the server's Vietnamese message on failure (a stale version
 * gets "Văn bản vừa được người khác cập nhật…" and the entry is reloaded), a confirmation on
 * success, and refreshes every list and the entry.
 */
export function useEntryAction() {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);

  const run = async <T>(action: () => Promise<T>, done: string): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      const result = await action();
      toast.success(done);
      await queryClient.invalidateQueries();
      return result;
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      setError(err);
      // the two registration warnings have their own panel with an override button
      if (!(
        err instanceof ApiError && ['ENTRY_DUPLICATE', 'SIGNATURE_VERIFICATION_FAILED'].includes(err.code)
      ))
        toast.error(err.message, 6);
      if (err instanceof ApiError && err.code === 'ENTRY_VERSION_CONFLICT')
        await queryClient.invalidateQueries({ queryKey: ['entry'] });
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error, clearError: () => setError(null) };
}
