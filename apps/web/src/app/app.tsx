import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { BrowserRouter } from 'react-router';
import { ApiError } from '../client/http';
import { styleNonce as nonce } from './style-nonce';
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
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
});

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
