import { Alert, DatePicker, Divider, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { EntryDetail } from '../../client/types';
import { api, type AssignTarget } from '../../client/vanthu-api';
import { useUnits, useUsers } from '../../ui/reference-data';
import { useEntryAction } from './use-entry-action';

interface AssignForm {
  lead: string;
  leadDeadline?: Dayjs;
  leadInstructions?: string;
  cooperate?: string[];
  cooperateDeadline?: Dayjs;
  cooperateInstructions?: string;
  inform?: string[];
}

/** "user:<id>" or "unit:<id>" (one select for people and units) to the API's target. */
function target(value: string, deadline?: Dayjs, instructions?: string): AssignTarget {
  const [kind, id] = value.split(':');
  return {
    ...(kind === 'unit' ? { unitId: id } : { userId: id }),
    deadline: deadline ? deadline.format('YYYY-MM-DD') : null,
    instructions: instructions?.trim() || null,
  };
}

/** Phân công xử lý: Chủ trì (one), Phối hợp and Để biết (any), each with Hạn xử lý and Ý kiến chỉ đạo. */
export function AssignModal({
  entry,
  agencyId,
  onClose,
}: {
  entry: EntryDetail;
  agencyId: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm<AssignForm>();
  const users = useUsers(agencyId);
  const units = useUnits(agencyId);
  const action = useEntryAction();
  const options = [
    {
      label: 'Cá nhân',
      options: (users.data ?? [])
        .filter((u) => u.active)
        .map((u) => ({
          value: `user:${u.id}`,
          label: `${u.fullName}${u.position ? ` — ${u.position}` : ''}`,
        })),
    },
    {
      label: 'Đơn vị',
      options: (units.data ?? [])
        .filter((u) => u.active)
        .map((u) => ({ value: `unit:${u.id}`, label: u.name })),
    },
  ];

  const submit = async () => {
    const v = await form.validateFields();
    const done = await action.run(
      () =>
        api.incoming.assign(agencyId, entry.id, {
          version: entry.version,
          lead: target(v.lead, v.leadDeadline, v.leadInstructions),
          cooperate: (v.cooperate ?? []).map((c) => target(c, v.cooperateDeadline, v.cooperateInstructions)),
          inform: (v.inform ?? []).map((c) => target(c)),
        }),
      'Đã phân công xử lý.',
    );
    if (done) onClose();
  };

  const date = (
    <DatePicker format={['DD/MM/YYYY', 'YYYY-MM-DD']} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
  );
  return (
    <Modal
      title="Phân công xử lý"
      open
      width={680}
      okText="Phân công"
      cancelText="Hủy"
      confirmLoading={action.busy}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          label="Chủ trì"
          name="lead"
          rules={[{ required: true, message: 'Chọn người hoặc đơn vị chủ trì' }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={options}
            placeholder="Chọn người hoặc đơn vị"
          />
        </Form.Item>
        <Form.Item label="Hạn xử lý (chủ trì)" name="leadDeadline">
          {date}
        </Form.Item>
        <Form.Item label="Ý kiến chỉ đạo" name="leadInstructions" rules={[{ max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Divider />
        <Form.Item label="Phối hợp" name="cooperate">
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={options}
            placeholder="Không có"
          />
        </Form.Item>
        <Form.Item label="Hạn xử lý (phối hợp)" name="cooperateDeadline">
          {date}
        </Form.Item>
        <Form.Item label="Ý kiến chỉ đạo (phối hợp)" name="cooperateInstructions" rules={[{ max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 1 }} />
        </Form.Item>
        <Divider />
        <Form.Item label="Để biết" name="inform">
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={options}
            placeholder="Không có"
          />
        </Form.Item>
      </Form>
      {action.error && <Alert type="error" showIcon role="alert" title={action.error.message} />}
    </Modal>
  );
}
