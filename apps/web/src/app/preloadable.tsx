import { Alert } from 'antd';
import { type ComponentType, createElement, type ReactNode, useEffect, useState } from 'react';

export interface Preload {
  /** Starts loading the module (once); the component renders it as soon as it is there. */
  preload(): Promise<unknown>;
}

/**
 * A component whose module loads on demand and can be loaded before it is rendered (route
 * preload). Not React.lazy: a lazy component suspends on its first render even when its module is
 * already loaded, and React 19 holds content revealed after a Suspense fallback back until 300 ms
 * after that fallback appeared (measured: the first PDF page ~150 ms later). Here a loaded module
 * renders at once, and one still loading shows `fallback` until an ordinary state update.
 */
export function preloadable<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
  fallback: ReactNode,
): ComponentType<P> & Preload {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<unknown> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (module) => {
        loaded = module.default;
      },
      (error: unknown) => {
        loading = undefined; // a failed chunk request (offline) is tried again on the next mount
        throw error;
      },
    ));
  function OnDemand(props: P) {
    const [, setReady] = useState(!!loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (!loaded)
        preload().then(
          () => setReady(true),
          () => setFailed(true),
        );
    }, []);
    if (failed)
      return (
        <Alert
          type="error"
          showIcon
          title="Không tải được màn hình này (mất kết nối tới máy chủ?). Hãy tải lại trang."
        />
      );
    return loaded ? createElement(loaded, props) : fallback;
  }
  return Object.assign(OnDemand, { preload });
}
