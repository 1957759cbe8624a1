import { Button, Card, Form, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useToast } from '../../ui/toast';
import { api } from '../../client/vanthu-api';
import { toApiFields } from '../../ui/form-values';
import { overrideFor, RegistrationWarning, type RegistrationOverride } from '../../ui/registration-warning';
import { FilePicker } from '../../ui/file-picker';
import { IncomingFields } from './incoming-fields';

/**
 * Vào sổ văn bản đến from an upload (a scan, an e-mailed PDF): one form, every field reachable
 * with Tab, submitted with Enter or the button. The server verifies the signatures and warns of a
 * duplicate; both warnings can be overridden knowingly.
 */
export default function UploadIncomingPage() {
  const { agencyId = '' } = useParams();
  const [form] = Form.useForm();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [override, setOverride] = useState<RegistrationOverride>({});
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const message = useToast();

  const submit = async (extra: RegistrationOverride = {}) => {
    if (!file) {
      setFileError('Chọn tệp PDF của văn bản');
      return;
    }
    const values = await form.validateFields();
    const flags = { ...override, ...extra };
    setOverride(flags);
    setBusy(true);
    setError(null);
    try {
      const entry = await api.incoming.upload(agencyId, { ...toApiFields(values), ...flags }, file);
      message.success(`Đã vào sổ văn bản đến, số đến ${entry.arrivalNumber ?? ''}.`);
      navigate(`/co-quan/${agencyId}/van-ban/${entry.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        Vào sổ văn bản đến
      </Typography.Title>
      <Card style={{ maxWidth: 760 }}>
        <Form
          form={form}
          layout="horizontal"
          labelCol={{ span: 6 }}
          wrapperCol={{ span: 18 }}
          onFinish={() => submit()}
        >
          <Form.Item
            label="Tệp văn bản (PDF)"
            htmlFor="incoming-file"
            required
            validateStatus={fileError ? 'error' : undefined}
            help={fileError ?? 'Chữ ký số trên tệp được kiểm tra khi vào sổ.'}
          >
            <FilePicker
              id="incoming-file"
              accept="application/pdf,.pdf"
              onChange={(files) => {
                setFile(files[0] ?? null);
                setFileError(null);
                setError(null);
                setOverride({});
              }}
            />
          </Form.Item>
          <IncomingFields />
          {error !== null && (
            <div style={{ marginBottom: 16 }}>
              <RegistrationWarning error={error} busy={busy} onConfirm={(o) => void submit(o)} />
            </div>
          )}
          <Form.Item wrapperCol={{ offset: 6 }}>
            <Button type="primary" htmlType="submit" loading={busy && !overrideFor(error)}>
              Vào sổ
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </>
  );
}
