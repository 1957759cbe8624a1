import { useQuery } from '@tanstack/react-query';
import { Alert, Table, Typography } from 'antd';
import { useParams } from 'react-router';
import type { Certificate } from '../../client/types';
import { api } from '../../client/vanthu-api';
import { useSession } from '../../session/session-context';
import { FilePicker } from '../../ui/file-picker';
import { formatDate } from '../../ui/format';
import { ToneTag } from '../../ui/tone-tag';
import { useEntryAction } from '../actions/use-entry-action';

const STATUS: Record<string, string> = {
  active: 'Đang dùng',
  revoked: 'Đã thu hồi',
  replaced: 'Đã thay thế',
};

/**
 * Chứng thư số of the agency and its people, with the signature image (blue, personal) or seal
 * (red, organisation) each one stamps: its owner (or an admin/clerk for the seal) uploads a PNG.
 */
export default function CertificatesPage() {
  const { agencyId = '' } = useParams();
  const session = useSession();
  const certificates = useQuery({
    queryKey: ['certificates', agencyId],
    queryFn: () => api.certificates(agencyId),
  });
  const action = useEntryAction();
  const mayUpload = (c: Certificate) =>
    c.kind === 'organisation'
      ? session.hasRole(agencyId, 'admin', 'clerk')
      : c.ownerUserId === session.me.userId;

  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        Chứng thư số và hình chữ ký
      </Typography.Title>
      {certificates.isError && <Alert type="error" showIcon title={(certificates.error as Error).message} />}
      <Table<Certificate>
        rowKey="id"
        loading={certificates.isPending}
        dataSource={certificates.data ?? []}
        pagination={false}
        columns={[
          {
            title: 'Loại',
            dataIndex: 'kind',
            width: 110,
            render: (k: string) => (k === 'organisation' ? 'Cơ quan' : 'Cá nhân'),
          },
          {
            title: 'Chủ thể',
            dataIndex: 'subject',
            render: (s: string) => s.split(',')[0].replace('CN=', ''),
          },
          { title: 'Hiệu lực đến', dataIndex: 'notAfter', width: 130, render: formatDate },
          {
            title: 'Trạng thái',
            width: 190,
            render: (_: unknown, c) =>
              c.expired ? (
                <ToneTag tone="red">Hết hạn</ToneTag>
              ) : c.expiresSoon ? (
                <ToneTag tone="orange">Sắp hết hạn ({c.daysLeft} ngày)</ToneTag>
              ) : (
                <ToneTag tone={c.status === 'active' ? 'green' : 'grey'}>
                  {STATUS[c.status] ?? c.status}
                </ToneTag>
              ),
          },
          {
            title: 'Hình chữ ký / con dấu (PNG)',
            width: 300,
            render: (_: unknown, c) =>
              mayUpload(c) && c.status === 'active' ? (
                <FilePicker
                  id={`appearance-${c.id}`}
                  accept="image/png"
                  ariaLabel={`Tải hình ${c.kind === 'organisation' ? 'con dấu' : 'chữ ký'} cho ${c.subject.split(',')[0].replace('CN=', '')}`}
                  onChange={([f]) => {
                    if (f)
                      void action.run(() => api.putAppearance(agencyId, c.id, f), 'Đã cập nhật hình chữ ký.');
                  }}
                />
              ) : (
                <span className="muted">—</span>
              ),
          },
        ]}
      />
    </>
  );
}
