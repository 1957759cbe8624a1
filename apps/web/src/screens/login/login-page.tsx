import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input } from 'antd';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../client/http';
import { api } from '../../client/vanthu-api';
import { minutesSeconds, useCountdown } from '../../ui/use-countdown';

/** How long the server asked to wait before the next attempt (AUTH_LOCKED, AUTH_SLOWED), in ms. */
function retryAfterMs(e: ApiError): number | null {
  const seconds = (e.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return ['AUTH_LOCKED', 'AUTH_SLOWED'].includes(e.code) && typeof seconds === 'number'
    ? seconds * 1000
    : null;
}

/**
 * Đăng nhập. The server sets the httpOnly session cookie; the token in the body is not kept. A
 * plain form (no antd Form) keeps the first page light. After too many wrong passwords the server
 * answers how long to wait: the button counts it down, so nobody keeps retrying into the lock.
 */
export function LoginPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const waiting = useCountdown(waitUntil);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (waiting > 0) return;
    if (!username.trim() || !password) {
      setError('Vui lòng nhập tên đăng nhập và mật khẩu.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.auth.login(username.trim(), password);
      const me = await api.auth.me();
      queryClient.setQueryData(['me'], me);
      const next = params.get('next');
      // only a path of this site, never an absolute URL given in the link
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Đăng nhập không thành công.');
      const wait = e instanceof ApiError ? retryAfterMs(e) : null;
      setWaitUntil(wait ? Date.now() + wait : null);
      setBusy(false);
    }
  };

  return (
    <main className="login-page">
      <form className="login-box" onSubmit={submit} noValidate>
        <h1>Đăng nhập</h1>
        <p className="muted">Hệ thống quản lý văn bản và ký số</p>
        {error && <Alert type="error" title={error} showIcon role="alert" style={{ marginBottom: 16 }} />}
        <label htmlFor="login-username">Tên đăng nhập</label>
        <Input
          id="login-username"
          autoComplete="username"
          autoFocus
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor="login-password">Mật khẩu</label>
        <Input.Password
          id="login-password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={busy}
          disabled={waiting > 0}
          style={{ marginTop: 20 }}
        >
          {waiting > 0 ? `Đăng nhập lại sau ${minutesSeconds(waiting)}` : 'Đăng nhập'}
        </Button>
        <p style={{ marginTop: 16, marginBottom: 0 }}>
          <Link to="/xac-thuc">Xác thực văn bản điện tử (không cần đăng nhập)</Link>
        </p>
      </form>
    </main>
  );
}
