import { formatDemoLogins } from './format-demo-logins';
import type { DemoLogin } from './seed-demo-world.use-case';

describe('formatDemoLogins', () => {
  const logins: DemoLogin[] = [
    {
      username: 'huyen.vanthu',
      password: 'Vanthu-abcd-1234',
      fullName: 'Trần Thị Bình',
      position: 'Văn thư',
      agencyCode: '000.00.12.H15',
      roles: ['clerk'],
    },
    {
      username: 'huyen.lanhdao',
      password: 'Vanthu-efgh-5678',
      fullName: 'Nguyễn Văn An',
      position: 'Chủ tịch',
      agencyCode: '000.00.12.H15',
      roles: ['leader'],
      signingPassphrase: 'p12-Passphrase_x',
    },
  ];

  it('prints each leader’s P12 passphrase on the line after their login, and nothing for others', () => {
    const text = formatDemoLogins(logins, 'http://localhost:3000');
    const lines = text.split('\n');
    const leader = lines.findIndex((l) => /^\s+huyen\.lanhdao\s+Vanthu-efgh-5678\s/.test(l));
    expect(leader).toBeGreaterThan(0);
    expect(lines[leader + 1]).toMatch(/^\s+↳ mật khẩu chứng thư số cá nhân: p12-Passphrase_x$/);
    const clerk = lines.findIndex((l) => /huyen\.vanthu/.test(l));
    expect(lines[clerk + 1]).toMatch(/huyen\.lanhdao/);
    // the password of an account is still the first word after its username
    expect(text.match(/huyen\.vanthu\s+(\S+)/)?.[1]).toBe('Vanthu-abcd-1234');
    expect(text.match(/huyen\.lanhdao\s+(\S+)/)?.[1]).toBe('Vanthu-efgh-5678');
  });
});
