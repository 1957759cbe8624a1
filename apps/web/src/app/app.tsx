import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { BrowserRouter } from 'react-router';
import { ApiError } from '../client/http';
import { SessionProvider } from '../session/session-context';
import { ToastProvider } from '../ui/toast';
import { AppRoutes } from './app-routes';
import { theme } from './theme';
import './app.css';

dayjs.locale('vi');

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a network hiccup may.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
});

/** The nonce the server put into index.html for this response (see apps/server/src/web). */
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;

export function App() {
  return (
    <ConfigProvider locale={viVN} theme={theme} csp={nonce ? { nonce } : undefined}>
      <ToastProvider>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <SessionProvider>
              <AppRoutes />
            </SessionProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </ToastProvider>
    </ConfigProvider>
  );
}
