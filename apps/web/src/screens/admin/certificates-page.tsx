import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { Certificate } from '../../client/types';
import { api } from '../../client/vanthu-api';
import { useSession } from '../../session/session-context';
import { APPEARANCE_LIMITS_TEXT, appearanceProblem } from '../../ui/appearance-limits';
import { FilePicker } from '../../ui/file-picker';
import { formatDate } from '../../ui/format';
import { useToast } from '../../ui/toast';
import { ToneTag } from '../../ui/tone-tag';
import { ReasonModal } from '../actions/reason-modal';
import { useEntryAction } from '../actions/use-entry-action';
import { CertificateImportModal, type CertificateDialog } from './certificate-import-modal';

const STATUS: Record<string, string> = {
  active: 'Đang dùng',
  revoked: 'Đã thu hồi',
  replaced: 'Đã thay thế',
};

const holder = (c: Certificate) => c.subject.split(',')[0].replace('CN=', '');

function StatusCell({ c }: { c: Certificate }) {
  if (c.status !== 'active') return <ToneTag tone="grey">{STATUS[c.status] ?? c.status}</ToneTag>;
  if (c.expired) return <ToneTag tone="red">Hết hạn</ToneTag>;
  if (c.expiresSoon) return <ToneTag tone="orange">Sắp hết hạn ({c.daysLeft} ngày)</ToneTag>;
  return <ToneTag tone="green">Đang dùng</ToneTag>;
}

/**
 * Chứng thư số of the agency and its people: import (.p12 with its passphrase), renewal (Thay),
 * withdrawal (Thu hồi), and the signature image (blue, personal) or seal (red, organisation) each
 * stamps. Who may manage which follows the server's rule (admins and clerks the organisation's;
 * the owner or an admin a personal one); the server checks it again.
 */
export default function CertificatesPage() {
  const { agencyId = '' } = useParams();
  const session = useSession();
  const toast = useToast();
  const certificates = useQuery({
    queryKey: ['certificates', agencyId],
    queryFn: () => api.certificates(agencyId),
  });
  const action = useEntryAction();
  const [dialog, setDialog] = useState<CertificateDialog | null>(null);
  const [revoking, setRevoking] = useState<Certificate | null>(null);
  const isAdmin = session.hasRole(agencyId, 'admin');
  const mayManage = (c: Certificate) =>
    c.kind === 'organisation'
      ? session.hasRole(agencyId, 'admin', 'clerk')
      : c.ownerUserId === session.me.userId || isAdmin;

  const upload = async (c: Certificate, file: File) => {
    const problem = await appearanceProblem(file);
    if (problem) return void toast.error(problem, 6);
    await action.run(
      () => api.putAppearance(agencyId, c.id, file),
      c.kind === 'organisation' ? 'Đã cập nhật hình con dấu.' : 'Đã cập nhật hình chữ ký.',
    );
  };

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
          Chứng thư số và hình chữ ký
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'import' })}>
          Nhập chứng thư số
        </Button>
      </Space>
      <p className="muted">Hình chữ ký (màu xanh) và hình con dấu (màu đỏ): {APPEARANCE_LIMITS_TEXT}.</p>
      {certificates.isError && <Alert type="error" showIcon title={(certificates.error as Error).message} />}
      <Table<Certificate>
        rowKey="id"
        loading={certificates.isPending}
        dataSource={certificates.data ?? []}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <span className="muted">Chưa có chứng thư số</span> }}
        columns={[
          {
            title: 'Loại',
            dataIndex: 'kind',
            width: 100,
            render: (k: string) => (k === 'organisation' ? 'Cơ quan' : 'Cá nhân'),
          },
          {
            title: 'Chủ thể, số hiệu',
            dataIndex: 'subject',
            // two certificates of one person (a renewal) differ by their serial
            render: (_: unknown, c) => (
              <>
                {holder(c)}
                <div className="serial muted">Số hiệu {c.serialNumber}</div>
              </>
            ),
          },
          { title: 'Hiệu lực đến', dataIndex: 'notAfter', width: 120, render: formatDate },
          { title: 'Trạng thái', width: 180, render: (_: unknown, c) => <StatusCell c={c} /> },
          {
            title: 'Hình chữ ký / con dấu',
            width: 280,
            render: (_: unknown, c) =>
              mayManage(c) && c.status === 'active' ? (
                <FilePicker
                  id={`appearance-${c.id}`}
                  accept="image/png"
                  ariaLabel={`Tải hình ${c.kind === 'organisation' ? 'con dấu' : 'chữ ký'} cho ${holder(c)}`}
                  onChange={([f]) => void (f && upload(c, f))}
                />
              ) : (
                <span className="muted">—</span>
              ),
          },
          {
            title: 'Thao tác',
            width: 200,
            render: (_: unknown, c) =>
              mayManage(c) && c.status === 'active' ? (
                <Space size={4}>
                  <Button size="small" onClick={() => setDialog({ mode: 'replace', certificate: c })}>
                    Thay
                  </Button>
                  <Button size="small" danger onClick={() => setRevoking(c)}>
                    Thu hồi
                  </Button>
                </Space>
              ) : c.status === 'revoked' && c.revokedReason ? (
                <span className="muted">{c.revokedReason}</span>
              ) : null,
          },
        ]}
      />
      {dialog && (
        <CertificateImportModal
          agencyId={agencyId}
          dialog={dialog}
          mayImportOrganisation={session.hasRole(agencyId, 'admin', 'clerk')}
          isAdmin={isAdmin}
          myUserId={session.me.userId}
          onClose={() => setDialog(null)}
        />
      )}
      <ReasonModal
        open={!!revoking}
        title={`Thu hồi chứng thư số${revoking ? `: ${holder(revoking)}` : ''}`}
        label="Lý do thu hồi"
        okText="Thu hồi"
        danger
        busy={action.busy}
        error={action.error}
        onCancel={() => {
          setRevoking(null);
          action.clearError();
        }}
        onSubmit={async (reason) =>
          (await action.run(
            () => api.revokeCertificate(agencyId, revoking!.id, reason),
            'Đã thu hồi chứng thư số; khóa bí mật đã lưu được xóa.',
          )) && setRevoking(null)
        }
      />
    </>
  );
}
