import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { nonceEveryStyleElement } from './app/style-nonce';

nonceEveryStyleElement();
createRoot(document.getElementById('root')!).render(<App />);
