import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import type { Certificate } from '../../client/types';
import { api } from '../../client/vanthu-api';
import { FilePicker } from '../../ui/file-picker';
import { useUsers } from '../../ui/reference-data';
import { useEntryAction } from '../actions/use-entry-action';

export type CertificateDialog = { mode: 'import' } | { mode: 'replace'; certificate: Certificate };

interface Values {
  kind: 'organisation' | 'personal';
  userId?: string;
  passphrase: string;
}

/**
 * Nhập chứng thư số (.p12) of the agency (seal) or of a person, or Thay chứng thư (renewal: same
 * kind and owner). The passphrase unlocks the file once on the server: a personal key is stored
 * sealed by it and the passphrase is asked again at each signing; it is never kept in the page.
 */
export function CertificateImportModal({
  agencyId,
  dialog,
  mayImportOrganisation,
  isAdmin,
  myUserId,
  onClose,
}: {
  agencyId: string;
  dialog: CertificateDialog;
  mayImportOrganisation: boolean;
  isAdmin: boolean;
  myUserId: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const action = useEntryAction();
  const users = useUsers(agencyId);
  const replacing = dialog.mode === 'replace' ? dialog.certificate : null;

  const submit = async () => {
    const v = await form.validateFields();
    if (!file) {
      setMissingFile(true);
      return;
    }
    const done = await action.run(
      () =>
        replacing
          ? api.replaceCertificate(agencyId, replacing.id, { file, passphrase: v.passphrase })
          : api.importCertificate(agencyId, v.kind, {
              file,
              passphrase: v.passphrase,
              userId: v.kind === 'personal' && v.userId && v.userId !== myUserId ? v.userId : undefined,
            }),
      replacing ? 'Đã thay chứng thư số.' : 'Đã nhập chứng thư số.',
    );
    if (done) onClose();
  };

  return (
    <Modal
      open
      title={replacing ? 'Thay chứng thư số (gia hạn)' : 'Nhập chứng thư số'}
      okText={replacing ? 'Thay chứng thư' : 'Nhập'}
      cancelText="Hủy"
      confirmLoading={action.busy}
      onCancel={onClose}
      onOk={() => void submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          kind: mayImportOrganisation && !replacing ? 'organisation' : 'personal',
          userId: myUserId,
        }}
      >
        {replacing ? (
          <p>
            Chứng thư đang dùng: <strong>{replacing.subject.split(',')[0].replace('CN=', '')}</strong>. Chứng
            thư mới thay thế chứng thư này cho cùng{' '}
            {replacing.kind === 'organisation' ? 'cơ quan' : 'người dùng'}.
          </p>
        ) : (
          <>
            <Form.Item label="Loại chứng thư" name="kind">
              <Radio.Group
                options={[
                  {
                    value: 'organisation',
                    label: 'Cơ quan, tổ chức (đóng dấu)',
                    disabled: !mayImportOrganisation,
                  },
                  { value: 'personal', label: 'Cá nhân (người ký)' },
                ]}
              />
            </Form.Item>
            {kind === 'personal' && isAdmin && (
              <Form.Item label="Người sở hữu" name="userId">
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(users.data ?? []).map((u) => ({
                    value: u.id,
                    label: `${u.fullName} (${u.username})`,
                  }))}
                />
              </Form.Item>
            )}
          </>
        )}
        <Form.Item
          label="Tệp chứng thư (.p12, .pfx)"
          htmlFor="certificate-file"
          validateStatus={missingFile ? 'error' : undefined}
          help={missingFile ? 'Vui lòng chọn tệp .p12' : undefined}
        >
          <FilePicker
            id="certificate-file"
            accept=".p12,.pfx,application/x-pkcs12"
            onChange={(files) => {
              setFile(files[0] ?? null);
              setMissingFile(false);
            }}
          />
        </Form.Item>
        <Form.Item
          label="Mật khẩu của tệp chứng thư"
          name="passphrase"
          rules={[{ required: true, message: 'Vui lòng nhập mật khẩu của tệp chứng thư' }]}
        >
          <Input.Password autoComplete="off" />
        </Form.Item>
      </Form>
      {action.error && <Alert type="error" showIcon role="alert" title={action.error.message} />}
    </Modal>
  );
}
