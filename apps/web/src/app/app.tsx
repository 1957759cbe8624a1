import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { BrowserRouter } from 'react-router';
import { queryClient } from './query-client';
import { styleNonce as nonce } from './style-nonce';
import { SessionProvider } from '../session/session-context';
import { ToastProvider } from '../ui/toast';
import { AppRoutes } from './app-routes';
import { theme } from './theme';
import './app.css';

dayjs.locale('vi');

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
