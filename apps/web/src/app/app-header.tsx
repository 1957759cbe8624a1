import { BellOutlined, LogoutOutlined, KeyOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Dropdown, Layout, Space, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../client/vanthu-api';
import { useSession } from '../session/session-context';
import { ROLE_LABELS } from '../ui/labels';

const ChangePasswordModal = lazy(() => import('../screens/login/change-password-modal'));
const AgencySwitcher = lazy(() => import('./agency-switcher'));

export function AppHeader({ agencyId }: { agencyId: string }) {
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [changing, setChanging] = useState(false);
  const notifications = useQuery({
    queryKey: ['notifications'],
    queryFn: () => api.notifications({ limit: 20 }),
    refetchInterval: 60_000,
  });
  const roles = session.rolesIn(agencyId);
  const agency = session.agencies.find((a) => a.id === agencyId);

  const logout = async () => {
    await api.auth.logout().catch(() => undefined);
    queryClient.clear();
    queryClient.setQueryData(['me'], null);
    navigate('/dang-nhap');
  };

  return (
    <Layout.Header
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 16,
        padding: '0 24px',
        borderBottom: '1px solid #e5e5e5',
      }}
    >
      <div style={{ flex: 1, minWidth: 0, display: 'flex', alignItems: 'center' }}>
        {session.agencies.length > 1 ? (
          <Suspense fallback={null}>
            <AgencySwitcher agencyId={agencyId} agencies={session.agencies} />
          </Suspense>
        ) : (
          <Typography.Text strong ellipsis>
            {agency?.name ?? ''}
          </Typography.Text>
        )}
      </div>
      <Dropdown
        trigger={['click']}
        menu={{
          items: (notifications.data?.items ?? [])
            .slice(0, 8)
            .map((n) => ({
              key: n.id,
              label: <span style={{ fontWeight: n.readAt ? 400 : 600 }}>{n.title}</span>,
              onClick: () => {
                void api
                  .readNotification(n.id)
                  .then(() => queryClient.invalidateQueries({ queryKey: ['notifications'] }));
                if (n.entryId) navigate(`/co-quan/${n.agencyId}/van-ban/${n.entryId}`);
              },
            }))
            .concat(
              notifications.data?.items.length
                ? []
                : [{ key: 'none', label: <span>Không có thông báo</span>, onClick: () => undefined }],
            ),
        }}
      >
        <Button type="text" aria-label={`Thông báo (${notifications.data?.unread ?? 0} chưa đọc)`}>
          <Badge count={notifications.data?.unread ?? 0} size="small">
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        </Button>
      </Dropdown>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'password',
              icon: <KeyOutlined />,
              label: 'Đổi mật khẩu',
              onClick: () => setChanging(true),
            },
            { key: 'logout', icon: <LogoutOutlined />, label: 'Đăng xuất', onClick: () => void logout() },
          ],
        }}
      >
        <Button type="text" aria-label="Tài khoản">
          <Space>
            <UserOutlined />
            <span>{session.me.fullName}</span>
            <span className="muted">({roles.map((r) => ROLE_LABELS[r]).join(', ')})</span>
          </Space>
        </Button>
      </Dropdown>
      {changing && (
        <Suspense fallback={null}>
          <ChangePasswordModal open onClose={() => setChanging(false)} />
        </Suspense>
      )}
    </Layout.Header>
  );
}
