import { Spin } from 'antd';
import { preloadable } from '../../app/preloadable';

/** The PDF viewer inside the document screen, loaded on demand (pdf.js is not in that screen's chunk). */
export const DocumentViewer = preloadable(
  () => import('./document-viewer'),
  <Spin description="Đang mở trình xem văn bản…" />,
);
