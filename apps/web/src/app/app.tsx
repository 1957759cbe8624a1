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
import 'antd/dist/antd.css';
import './app.css';

dayjs.locale('vi');

/**
 * antd without run-time styles (zeroRuntime): its components' CSS is the prebuilt antd.css, a
 * file of this origin loaded with the app, instead of being computed and inserted by each
 * component's first render (that was ~150 ms of the first PDF page, bench:web). The theme's tokens
 * still arrive as CSS variables; the key is the one antd.css was generated with, so its rules
 * (`.css-var-_R_0_.ant-…`) match our components.
 */
const zeroRuntimeTheme = { ...theme, zeroRuntime: true, cssVar: { key: '_R_0_' } };

export function App() {
  return (
    <ConfigProvider locale={viVN} theme={zeroRuntimeTheme} csp={nonce ? { nonce } : undefined}>
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
