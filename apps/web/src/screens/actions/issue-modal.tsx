import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import type { EntryDetail } from '../../client/types';
import { api } from '../../client/vanthu-api';
import { useSession } from '../../session/session-context';
import { useDocumentTypes, useUnits } from '../../ui/reference-data';
import { useEntryAction } from './use-entry-action';

/**
 * The number the issue will most likely take, as ND30 writes it: `<number>/<type>-<issuer>` for a
 * typed document, `<number>/<issuer>-<drafting unit>` for a công văn. A preview only: the server
 * takes the number in the issuing transaction, so a concurrent issue can take this one first.
 */
function previewNotation(
  nextNumber: number,
  typeAbbr: string | null | undefined,
  agencyAbbr: string,
  unitAbbr?: string | null,
) {
  const number = String(nextNumber).padStart(2, '0');
  const notation = typeAbbr ? `${typeAbbr}-${agencyAbbr}` : [agencyAbbr, unitAbbr].filter(Boolean).join('-');
  return `${number}/${notation.toUpperCase()}`;
}

/** Phát hành: preview "Số: …" and the date, then number, seal and release to the recipients. */
export function IssueModal({
  entry,
  agencyId,
  onClose,
}: {
  entry: EntryDetail;
  agencyId: string;
  onClose: () => void;
}) {
  const session = useSession();
  const action = useEntryAction();
  const registers = useQuery({ queryKey: ['registers', agencyId], queryFn: () => api.registers(agencyId) });
  const types = useDocumentTypes();
  const units = useUnits(agencyId);
  const year = dayjs().year();
  const register = registers.data?.registers.find(
    (r) => r.kind === 'outgoing' && r.year === year && (r.typeCode === null || r.typeCode === entry.typeCode),
  );
  const type = types.data?.find((t) => t.code === entry.typeCode);
  const mine = session.agencies.find((a) => a.id === agencyId);
  const directory = useQuery({
    queryKey: ['agency', mine?.code],
    queryFn: () => api.directory.get(mine!.code),
    enabled: !!mine,
    staleTime: 10 * 60_000,
  });
  const agency = directory.data?.agency;
  const drafting = units.data?.find((u) => u.id === entry.draftingUnitId);
  // the preview needs the register, the type's abbreviation and the drafting unit: none guessed
  const ready = !!(registers.data && types.data && units.data && agency);
  const number = previewNotation(
    register?.nextNumber ?? 1,
    entry.typeCode === 'CV' ? null : type?.abbreviation,
    agency?.abbreviation ?? 'UBND',
    drafting?.abbreviation,
  );

  const submit = async () => {
    const done = await action.run(
      () => api.outgoing.issue(agencyId, entry.id, entry.version),
      'Đã phát hành văn bản.',
    );
    if (done) onClose();
  };

  return (
    <Modal
      title="Phát hành văn bản"
      open
      okText="Xác nhận phát hành"
      cancelText="Hủy"
      confirmLoading={action.busy}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph>
        Hệ thống sẽ cấp số, ghi ngày, ký số của cơ quan (đóng dấu) lên văn bản đã ký và gửi đến các nơi nhận.
      </Typography.Paragraph>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          {
            key: 'n',
            label: 'Số (dự kiến)',
            children: ready ? <span data-testid="issue-number">Số: {number}</span> : 'Đang tính…',
          },
          {
            key: 'd',
            label: 'Ngày',
            children: `ngày ${dayjs().format('DD')} tháng ${dayjs().format('MM')} năm ${year}`,
          },
          {
            key: 'r',
            label: 'Sổ',
            children: register?.name ?? `Sổ đăng ký văn bản đi năm ${year} (tạo khi phát hành)`,
          },
          { key: 'to', label: 'Nơi nhận', children: entry.recipients.map((r) => r.organName).join('; ') },
        ]}
      />
      <Alert
        style={{ marginTop: 12 }}
        type="info"
        showIcon
        title="Số chính thức do hệ thống cấp tại thời điểm phát hành; nếu có văn bản khác phát hành trước, số sẽ là số kế tiếp."
      />
      {action.error && (
        <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" title={action.error.message} />
      )}
    </Modal>
  );
}
