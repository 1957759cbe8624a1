import { Layout, Menu, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation, useParams } from 'react-router';
import { useSession } from '../session/session-context';
import { NotFoundPage } from '../screens/not-found-page';
import { AppHeader } from './app-header';
import { menuFor } from './menu-items';

/**
 * Every screen of one agency: the side menu (only what the user's roles there may use), the
 * header with the agency switcher, and the screen. An agency the user has no role in answers the
 * not-found page, as the API does.
 */
export function AgencyLayout() {
  const { agencyId = '' } = useParams();
  const session = useSession();
  const location = useLocation();
  const roles = session.rolesIn(agencyId);
  const items = menuFor(roles);
  const base = `/co-quan/${agencyId}/`;
  const current = location.pathname.slice(base.length);
  const selected = items
    .flatMap((i) => ('children' in i && i.children ? i.children : [i]))
    .map((i) => i.key)
    .filter((k) => current === k || current.startsWith(`${k}/`) || current.startsWith(`${k}?`))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#noi-dung">
        Chuyển đến nội dung chính
      </a>
      <Layout.Sider width={212} breakpoint="lg" collapsedWidth={0} aria-label="Thanh điều hướng">
        <div style={{ padding: '16px 16px 8px' }}>
          <Link to={`${base}ban-lam-viec`} style={{ color: '#fff' }}>
            <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
              Quản lý văn bản
            </Typography.Text>
          </Link>
        </div>
        <nav aria-label="Chức năng">
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={selected}
            defaultOpenKeys={['quan-tri']}
            items={items.map((item) => ({
              key: item.key,
              icon: item.icon,
              label:
                'children' in item && item.children ? (
                  item.label
                ) : (
                  <Link to={base + item.key}>{item.label}</Link>
                ),
              children:
                'children' in item && item.children
                  ? item.children.map((c) => ({
                      key: c.key,
                      label: <Link to={base + c.key}>{c.label}</Link>,
                    }))
                  : undefined,
            }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <AppHeader agencyId={agencyId} />
        <Layout.Content id="noi-dung" tabIndex={-1} style={{ padding: '20px 16px', outline: 'none' }}>
          <main>
            {/* the screen loads inside the layout: the menu and header are drawn while its code
                is still on its way (and no longer after it, in the same long task) */}
            {roles.length === 0 ? (
              <NotFoundPage />
            ) : (
              <Suspense fallback={<Spin description="Đang tải…" style={{ padding: 48, width: '100%' }} />}>
                <Outlet />
              </Suspense>
            )}
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
