import { Spin } from 'antd';
import { Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSessionState } from '../session/session-context';
import { AgencyLayout } from './agency-layout';
import { LoginPage } from '../screens/login/login-page';
import { NotFoundPage } from '../screens/not-found-page';
import {
  AdminPage,
  CaseFilePage,
  CaseFilesPage,
  CertificatesPage,
  DeskPage,
  DocumentPage,
  IncomingPage,
  NewDraftPage,
  OutgoingPage,
  PublicVerifyPage,
  RegistersPage,
  ReportsPage,
  SearchPage,
  UploadIncomingPage,
} from './screens';

const loading = (
  <div style={{ padding: 48, textAlign: 'center' }}>
    <Spin description="Đang tải…" />
  </div>
);

export function AppRoutes() {
  const session = useSessionState();
  const location = useLocation();
  if (session === undefined && !location.pathname.startsWith('/xac-thuc')) return loading;
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <Suspense fallback={loading}>
      <Routes>
        <Route path="/xac-thuc" element={<PublicVerifyPage />} />
        <Route path="/dang-nhap" element={session ? <Navigate to="/" replace /> : <LoginPage />} />
        {session ? (
          <>
            <Route
              path="/"
              element={<Navigate to={`/co-quan/${session.me.agencyId}/ban-lam-viec`} replace />}
            />
            <Route path="/co-quan/:agencyId" element={<AgencyLayout />}>
              <Route index element={<Navigate to="ban-lam-viec" replace />} />
              <Route path="ban-lam-viec" element={<DeskPage />} />
              <Route path="van-ban-den" element={<IncomingPage />} />
              <Route path="van-ban-den/vao-so" element={<UploadIncomingPage />} />
              <Route path="van-ban-di" element={<OutgoingPage />} />
              <Route path="van-ban-di/du-thao-moi" element={<NewDraftPage />} />
              <Route path="van-ban/:entryId" element={<DocumentPage />} />
              <Route path="tra-cuu" element={<SearchPage />} />
              <Route path="so-van-ban" element={<RegistersPage />} />
              <Route path="ho-so" element={<CaseFilesPage />} />
              <Route path="ho-so/:caseFileId" element={<CaseFilePage />} />
              <Route path="bao-cao" element={<ReportsPage />} />
              <Route path="chung-thu-so" element={<CertificatesPage />} />
              <Route path="quan-tri/:section?" element={<AdminPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
            <Route path="*" element={<NotFoundPage standalone />} />
          </>
        ) : (
          <Route path="*" element={<Navigate to={`/dang-nhap?next=${next}`} replace />} />
        )}
      </Routes>
    </Suspense>
  );
}
