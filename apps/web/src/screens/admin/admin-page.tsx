import { Tabs, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useSession } from '../../session/session-context';
import { NotFoundPage } from '../not-found-page';
import { AuditSection } from './audit-section';
import { DirectorySection } from './directory-section';
import { UnitsSection } from './units-section';
import { UsersSection } from './users-section';

const SECTIONS = [
  { key: 'nguoi-dung', label: 'Người dùng' },
  { key: 'don-vi', label: 'Đơn vị' },
  { key: 'danh-ba', label: 'Danh bạ cơ quan' },
  { key: 'nhat-ky', label: 'Nhật ký hệ thống' },
];

/** Quản trị (admins only; the server answers 403 to anyone else). */
export default function AdminPage() {
  const { agencyId = '', section = 'nguoi-dung' } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  if (!session.hasRole(agencyId, 'admin')) return <NotFoundPage />;
  const active = SECTIONS.some((s) => s.key === section) ? section : 'nguoi-dung';
  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        Quản trị
      </Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(`/co-quan/${agencyId}/quan-tri/${key}`)}
        items={SECTIONS.map((s) => ({ key: s.key, label: s.label }))}
      />
      {active === 'nguoi-dung' && <UsersSection agencyId={agencyId} />}
      {active === 'don-vi' && <UnitsSection agencyId={agencyId} />}
      {active === 'danh-ba' && <DirectorySection mayEdit />}
      {active === 'nhat-ky' && <AuditSection agencyId={agencyId} />}
    </>
  );
}
