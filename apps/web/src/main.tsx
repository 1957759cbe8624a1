import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { preloadCurrentScreen } from './app/route-preload';
import { nonceEveryStyleElement } from './app/style-nonce';

nonceEveryStyleElement();
preloadCurrentScreen(window.location.pathname);
createRoot(document.getElementById('root')!).render(<App />);
