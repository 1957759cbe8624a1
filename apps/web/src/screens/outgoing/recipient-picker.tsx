import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../../client/vanthu-api';
import { useUnits } from '../../ui/reference-data';

/** A recipient as the form holds it: "agency:<code>", "unit:<id>" or "paper:<name>". */
export type RecipientValue = string;

export function toRecipient(value: RecipientValue) {
  const [kind, ...rest] = value.split(':');
  const v = rest.join(':');
  if (kind === 'unit') return { kind: 'unit' as const, unitId: v };
  if (kind === 'paper') return { kind: 'paper' as const, organName: v };
  return { kind: 'agency' as const, organId: v };
}

/**
 * Nơi nhận: agencies from the directory (searched as the user types), units of this agency, or a
 * paper recipient typed in full.
 */
export function RecipientPicker({
  agencyId,
  value,
  onChange,
  id,
}: {
  agencyId: string;
  value?: RecipientValue[];
  onChange?: (v: RecipientValue[]) => void;
  id?: string;
}) {
  const [q, setQ] = useState('');
  const agencies = useQuery({
    queryKey: ['directory', q],
    queryFn: () => api.directory.agencies(q ? { q } : { hosted: true }),
    staleTime: 60_000,
  });
  const units = useUnits(agencyId);
  const options = [
    {
      label: 'Cơ quan (danh bạ)',
      options: (agencies.data?.items ?? [])
        .filter((a) => a.id !== agencyId)
        .map((a) => ({ value: `agency:${a.code}`, label: `${a.name} (${a.code})` })),
    },
    {
      label: 'Đơn vị trong cơ quan',
      options: (units.data ?? [])
        .filter((u) => u.active)
        .map((u) => ({ value: `unit:${u.id}`, label: u.name })),
    },
    ...(q.trim().length > 2
      ? [{ label: 'Gửi bản giấy', options: [{ value: `paper:${q.trim()}`, label: `Bản giấy: ${q.trim()}` }] }]
      : []),
  ];
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={options}
      placeholder="Tìm cơ quan, đơn vị nhận"
      notFoundContent={agencies.isFetching ? 'Đang tìm…' : 'Không tìm thấy'}
    />
  );
}
