import { Alert, Form, Modal } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { EntryDetail } from '../../client/types';
import { api } from '../../client/vanthu-api';
import { toApiFields } from '../../ui/form-values';
import { RegistrationWarning, type RegistrationOverride } from '../../ui/registration-warning';
import { IncomingFields } from '../incoming/incoming-fields';
import { useEntryAction } from './use-entry-action';
import { ActiveContentAlert, activeContentOf } from '../document/active-content';

/** Vào sổ a document from the inbox: its data as received, correctable, then the arrival number. */
export function RegisterModal({
  entry,
  agencyId,
  onClose,
}: {
  entry: EntryDetail;
  agencyId: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const action = useEntryAction();
  const [flags, setFlags] = useState<RegistrationOverride>({});

  const submit = async (extra: RegistrationOverride = {}) => {
    const values = await form.validateFields();
    const all = { ...flags, ...extra };
    setFlags(all);
    const done = await action.run(
      () =>
        api.incoming.register(agencyId, entry.id, { version: entry.version, ...toApiFields(values), ...all }),
      'Đã vào sổ văn bản đến.',
    );
    if (done) onClose();
  };

  return (
    <Modal
      title="Vào sổ văn bản đến"
      open
      width={720}
      okText="Vào sổ"
      cancelText="Hủy"
      confirmLoading={action.busy}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      {entry.verificationVerdict && entry.verificationVerdict !== 'valid' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="Chữ ký số trên văn bản chưa hợp lệ hoặc chưa xác định được — xem Thông tin chữ ký số trước khi vào sổ."
        />
      )}
      {entry.files.map((f) => (
        <ActiveContentAlert
          key={f.id}
          fileName={f.fileName}
          findings={activeContentOf(entry.verificationReports[f.id])}
        />
      ))}
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 6 }}
        initialValues={{
          typeCode: entry.typeCode,
          codeNumber: entry.numberNotation?.split('/')[0],
          codeNotation: entry.numberNotation?.split('/').slice(1).join('/'),
          issuedDate: entry.issuedDate ? dayjs(entry.issuedDate) : undefined,
          organName: entry.organName,
          subject: entry.subject,
          priority: entry.priority,
          dueDate: entry.dueDate ? dayjs(entry.dueDate) : undefined,
          signerName: entry.signerInfo?.fullName,
          pageAmount: entry.pageAmount,
        }}
      >
        <IncomingFields requireSender={false} />
      </Form>
      {action.error && (
        <RegistrationWarning error={action.error} busy={action.busy} onConfirm={(o) => void submit(o)} />
      )}
    </Modal>
  );
}
