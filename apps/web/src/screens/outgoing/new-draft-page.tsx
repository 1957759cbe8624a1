import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../client/vanthu-api';
import { FilePicker } from '../../ui/file-picker';
import { PRIORITY_LABELS } from '../../ui/labels';
import { useDocumentTypes, useUsers } from '../../ui/reference-data';
import { useToast } from '../../ui/toast';
import { RecipientPicker, toRecipient } from './recipient-picker';

interface DraftForm {
  typeCode: string;
  subject: string;
  signerUserId: string;
  priority: string;
  dueDate?: Dayjs;
  recipients: string[];
  description?: string;
}

/** Soạn dự thảo: the PDF (with the signer block), attachments, data, signer and recipients. */
export default function NewDraftPage() {
  const { agencyId = '' } = useParams();
  const [params] = useSearchParams();
  const replyTo = params.get('traLoi');
  const [form] = Form.useForm<DraftForm>();
  const types = useDocumentTypes();
  const users = useUsers(agencyId);
  const original = useQuery({
    queryKey: ['entry', agencyId, replyTo],
    queryFn: () => api.entry(agencyId, replyTo!),
    enabled: !!replyTo,
  });
  const [file, setFile] = useState<File | null>(null);
  const [attachments, setAttachments] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const toast = useToast();
  const leaders = (users.data ?? []).filter(
    (u) => u.active && u.roles.some((r) => r.agencyId === agencyId && r.role === 'leader'),
  );

  const submit = async () => {
    if (!file) setFileError('Chọn tệp PDF của dự thảo');
    const v = await form.validateFields();
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const entry = await api.outgoing.create(
        agencyId,
        {
          typeCode: v.typeCode,
          subject: v.subject.trim(),
          signerUserId: v.signerUserId,
          priority: v.priority,
          dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null,
          description: v.description?.trim() || null,
          replyToEntryId: replyTo,
          recipients: v.recipients.map(toRecipient),
        },
        file,
        attachments,
      );
      toast.success('Đã lưu dự thảo.');
      navigate(`/co-quan/${agencyId}/van-ban/${entry.id}`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        Soạn dự thảo văn bản đi
      </Typography.Title>
      {original.data && (
        <Alert
          style={{ marginBottom: 16, maxWidth: 820 }}
          type="info"
          showIcon
          title={`Văn bản trả lời cho: ${original.data.numberNotation ?? ''} — ${original.data.subject}`}
        />
      )}
      <Card style={{ maxWidth: 820 }}>
        <Form
          form={form}
          layout="horizontal"
          labelCol={{ span: 6 }}
          wrapperCol={{ span: 18 }}
          initialValues={{
            priority: 'normal',
            recipients: original.data?.organId ? [`agency:${original.data.organId}`] : [],
          }}
          key={original.data?.id ?? 'new'}
          onFinish={() => void submit()}
        >
          <Form.Item
            label="Tệp dự thảo (PDF)"
            htmlFor="draft-file"
            required
            validateStatus={fileError ? 'error' : undefined}
            help={fileError ?? 'Khối chữ ký ghi họ tên người ký để đặt chữ ký số đúng chỗ.'}
          >
            <FilePicker
              id="draft-file"
              accept="application/pdf,.pdf"
              onChange={(files) => {
                setFile(files[0] ?? null);
                setFileError(null);
              }}
            />
          </Form.Item>
          <Form.Item label="Phụ lục (PDF)" htmlFor="draft-attachments">
            <FilePicker
              id="draft-attachments"
              multiple
              accept="application/pdf,.pdf"
              onChange={setAttachments}
            />
          </Form.Item>
          <Form.Item
            label="Loại văn bản"
            name="typeCode"
            rules={[{ required: true, message: 'Chọn loại văn bản' }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(types.data ?? []).map((t) => ({ value: t.code, label: t.name }))}
              placeholder="Chọn loại văn bản"
            />
          </Form.Item>
          <Form.Item
            label="Trích yếu"
            name="subject"
            rules={[{ required: true, whitespace: true, message: 'Nhập trích yếu' }, { max: 500 }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Form.Item
            label="Người ký"
            name="signerUserId"
            rules={[{ required: true, message: 'Chọn người ký' }]}
          >
            <Select
              options={leaders.map((u) => ({
                value: u.id,
                label: `${u.fullName}${u.position ? ` — ${u.position}` : ''}`,
              }))}
              placeholder="Chọn lãnh đạo ký"
            />
          </Form.Item>
          <Form.Item
            label="Nơi nhận"
            name="recipients"
            rules={[{ required: true, message: 'Chọn ít nhất một nơi nhận' }]}
          >
            <RecipientPicker agencyId={agencyId} />
          </Form.Item>
          <Form.Item label="Độ khẩn" name="priority">
            <Select options={Object.entries(PRIORITY_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item label="Hạn trả lời" name="dueDate">
            <DatePicker
              format={['DD/MM/YYYY', 'YYYY-MM-DD']}
              placeholder="dd/mm/yyyy"
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item label="Ghi chú" name="description" rules={[{ max: 500 }]}>
            <Input.TextArea autoSize={{ minRows: 1 }} />
          </Form.Item>
          {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
          <Form.Item wrapperCol={{ offset: 6 }}>
            <Button type="primary" htmlType="submit" loading={busy}>
              Lưu dự thảo
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </>
  );
}
