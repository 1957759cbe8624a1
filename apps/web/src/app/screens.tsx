import { Spin } from 'antd';
import { preloadable } from './preloadable';

const screenLoading = <Spin description="Đang tải…" style={{ padding: 48, width: '100%' }} />;

/**
 * Every screen loads on demand: the first page ships only the shell and the login form. The
 * routes render these; the route preload starts the one of the address the page was opened at.
 */
export const DeskPage = preloadable(() => import('../screens/desk/desk-page'), screenLoading);
export const IncomingPage = preloadable(() => import('../screens/incoming/incoming-page'), screenLoading);
export const DocumentPage = preloadable(() => import('../screens/document/document-page'), screenLoading);
export const UploadIncomingPage = preloadable(
  () => import('../screens/incoming/upload-incoming-page'),
  screenLoading,
);
export const OutgoingPage = preloadable(() => import('../screens/outgoing/outgoing-page'), screenLoading);
export const NewDraftPage = preloadable(() => import('../screens/outgoing/new-draft-page'), screenLoading);
export const SearchPage = preloadable(() => import('../screens/search/search-page'), screenLoading);
export const RegistersPage = preloadable(() => import('../screens/registers/registers-page'), screenLoading);
export const CaseFilesPage = preloadable(
  () => import('../screens/case-files/case-files-page'),
  screenLoading,
);
export const CaseFilePage = preloadable(() => import('../screens/case-files/case-file-page'), screenLoading);
export const ReportsPage = preloadable(() => import('../screens/reports/reports-page'), screenLoading);
export const AdminPage = preloadable(() => import('../screens/admin/admin-page'), screenLoading);
export const CertificatesPage = preloadable(
  () => import('../screens/admin/certificates-page'),
  screenLoading,
);
export const PublicVerifyPage = preloadable(
  () => import('../screens/public-verify/public-verify-page'),
  screenLoading,
);
