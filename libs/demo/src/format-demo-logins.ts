import type { DemoLogin } from './seed-demo-world.use-case';

/** The console block printed once at first start (and by `vanthu demo seed`). */
export function formatDemoLogins(logins: readonly DemoLogin[], baseUrl: string): string {
  if (logins.length === 0) return 'Không có tài khoản demo nào được đặt mật khẩu mới.\n';
  const width = Math.max(...logins.map((l) => l.username.length));
  const lines = logins.flatMap((l) => [
    `  ${l.username.padEnd(width)}  ${l.password}  ${l.roles.join(',').padEnd(10)} ${l.fullName} — ${l.position} (${l.agencyCode})`,
    // the demo P12's passphrase, which the leader types at each personal signing
    ...(l.signingPassphrase
      ? [`  ${' '.repeat(width)}  ↳ mật khẩu chứng thư số cá nhân: ${l.signingPassphrase}`]
      : []),
  ]);
  return [
    '',
    '================ TÀI KHOẢN DEMO (chỉ in một lần — hãy lưu lại) ================',
    `Đăng nhập tại ${baseUrl} (API: POST ${baseUrl}/api/v1/auth/login)`,
    ...lines,
    'Đặt lại mật khẩu demo: VANTHU_DEMO_PASSWORD=... npm run vanthu -- demo seed --reset-passwords',
    '===============================================================================',
    '',
  ].join('\n');
}
