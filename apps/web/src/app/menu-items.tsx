import {
  BarChartOutlined,
  BookOutlined,
  DesktopOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  InboxOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../client/types';

export interface MenuItem {
  key: string;
  label: string;
  icon?: ReactNode;
  roles?: Role[];
  children?: MenuItem[];
}

/** The side menu; an item without `roles` is for every role. The server enforces the same roles. */
const MENU: MenuItem[] = [
  { key: 'ban-lam-viec', label: 'Bàn làm việc', icon: <DesktopOutlined /> },
  { key: 'van-ban-den', label: 'Văn bản đến', icon: <InboxOutlined /> },
  { key: 'van-ban-den/vao-so', label: 'Vào sổ văn bản đến', icon: <BookOutlined />, roles: ['clerk'] },
  {
    key: 'van-ban-di',
    label: 'Văn bản đi',
    icon: <SendOutlined />,
    roles: ['clerk', 'leader', 'specialist'],
  },
  { key: 'tra-cuu', label: 'Tra cứu', icon: <FileSearchOutlined /> },
  { key: 'so-van-ban', label: 'Sổ văn bản', icon: <BookOutlined />, roles: ['clerk', 'leader', 'admin'] },
  { key: 'ho-so', label: 'Hồ sơ công việc', icon: <FolderOpenOutlined /> },
  {
    key: 'bao-cao',
    label: 'Báo cáo thống kê',
    icon: <BarChartOutlined />,
    roles: ['leader', 'admin', 'clerk'],
  },
  {
    key: 'chung-thu-so',
    label: 'Chứng thư số',
    icon: <SafetyCertificateOutlined />,
    roles: ['clerk', 'leader'],
  },
  {
    key: 'quan-tri',
    label: 'Quản trị',
    icon: <SettingOutlined />,
    roles: ['admin'],
    children: [
      { key: 'quan-tri/nguoi-dung', label: 'Người dùng' },
      { key: 'quan-tri/don-vi', label: 'Đơn vị' },
      { key: 'chung-thu-so', label: 'Chứng thư số và hình chữ ký' },
      { key: 'quan-tri/danh-ba', label: 'Danh bạ cơ quan' },
      { key: 'quan-tri/nhat-ky', label: 'Nhật ký hệ thống' },
    ],
  },
];

export function menuFor(roles: Role[]): MenuItem[] {
  const allowed = (item: MenuItem) => !item.roles || item.roles.some((r) => roles.includes(r));
  return MENU.filter(allowed).filter(
    // an admin sees certificates inside Quản trị; the separate item is for clerks and leaders
    (item) => !(item.key === 'chung-thu-so' && roles.includes('admin')),
  );
}
