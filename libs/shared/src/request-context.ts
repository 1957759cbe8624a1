import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContextData {
  requestId: string;
  ip?: string;
}

const storage = new AsyncLocalStorage<RequestContextData>();

/** The request being served, for log lines and audit rows written deep inside use cases. */
export const RequestContext = {
  run<T>(data: RequestContextData, fn: () => T): T {
    return storage.run(data, fn);
  },
  current(): RequestContextData | undefined {
    return storage.getStore();
  },
};
