import { pdfWorker } from '../screens/document/pdf-worker';
import { DOCUMENT_PATH } from './document-path';

/**
 * main.tsx's first import, so it runs before React, antd and the app's modules are evaluated:
 * on a document's address pdf.js's worker starts compiling its 1.2 MB script on its own thread
 * ~100 ms earlier than from the route preload, which runs after all of them.
 */
if (DOCUMENT_PATH.test(window.location.pathname)) pdfWorker();
