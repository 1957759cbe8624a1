// first: starts pdf.js's worker on a document's address before the other modules are evaluated
import './app/early-worker';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { queryClient } from './app/query-client';
import { preloadCurrentScreen } from './app/route-preload';
import { nonceEveryStyleElement } from './app/style-nonce';

performance.mark('app:start');
nonceEveryStyleElement();
preloadCurrentScreen(window.location.pathname, queryClient);
createRoot(document.getElementById('root')!).render(<App />);
