import { relative } from 'node:path';
import { demoWorld } from '@vanthu/demo';
import type { DemoPkiManifest } from '@vanthu/signing';
import type { InstallationProcess } from './installation-process';
import type { InstallationLayout } from './installation-layout';
import { networkManifestPath } from './network-manifest';

/** The console block printed once every installation is ready. */
export function formatNetworkSummary(
  layouts: readonly InstallationLayout[],
  processes: ReadonlyMap<string, InstallationProcess>,
  pki: DemoPkiManifest,
  password: string,
  root: string,
): string {
  const shown = (path: string) => relative(process.cwd(), path) || '.';
  const nameWidth = Math.max(...layouts.map((l) => l.plan.name.length));
  const lines = [
    '',
    '================ MẠNG LIÊN THÔNG VĂN BẢN DEMO (4 cấp) ================',
    ...layouts.map((l) => {
      const role = l.plan.role === 'hub' ? 'trục' : 'nút ';
      const pid = processes.get(l.plan.name)?.pid ?? '-';
      return `  ${l.plan.name.padEnd(nameWidth)}  ${role}  ${l.url}  pid ${pid}  ${shown(l.dataDir)}\n  ${' '.repeat(nameWidth)}  ↳ ${l.plan.title}`;
    }),
    '',
    `Tài khoản demo (mật khẩu chung: ${password}):`,
  ];
  const passphrases = new Map(
    pki.files.filter((f) => f.kind === 'personal-pkcs12').map((f) => [f.owner, f.passphrase]),
  );
  for (const layout of layouts) {
    const { users } = demoWorld(layout.plan.world);
    if (users.length === 0) continue;
    lines.push(`  ${layout.plan.name} — ${layout.url}`);
    const width = Math.max(...users.map((u) => u.username.length));
    for (const user of users) {
      const passphrase = passphrases.get(user.username);
      lines.push(
        `    ${user.username.padEnd(width)}  ${user.roles.join(',').padEnd(10)} ${user.fullName} — ${user.position} (${user.agencyCode})${passphrase ? `; mật khẩu chứng thư số: ${passphrase}` : ''}`,
      );
    }
  }
  lines.push(
    '',
    `Danh sách hệ thống (JSON): ${shown(networkManifestPath(root))}; nhật ký: <thư mục>/output.log`,
    'Tiến trình nào dừng bất thường sẽ được khởi động lại. Ctrl-C để dừng tất cả.',
    '=====================================================================',
    '',
  );
  return lines.join('\n');
}
