import { Select } from 'antd';
import { useNavigate } from 'react-router';
import type { MyAgency } from '../client/types';

/** For users with roles in several agencies; loaded only for them (antd's Select is not small). */
export default function AgencySwitcher({ agencyId, agencies }: { agencyId: string; agencies: MyAgency[] }) {
  const navigate = useNavigate();
  return (
    <Select
      aria-label="Chọn cơ quan làm việc"
      value={agencyId}
      style={{ minWidth: 320 }}
      onChange={(id) => navigate(`/co-quan/${id}/ban-lam-viec`)}
      options={agencies.map((a) => ({ value: a.id, label: a.name }))}
    />
  );
}
