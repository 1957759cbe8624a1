import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import { useDocumentTypes } from '../../ui/reference-data';
import { PRIORITY_LABELS } from '../../ui/labels';

const DATE_FORMAT = ['DD/MM/YYYY', 'D/M/YYYY', 'YYYY-MM-DD'];

/** The ND30 fields of an incoming document, with their maximum lengths (domain.md §2). */
export function IncomingFields({ requireSender = true }: { requireSender?: boolean }) {
  const types = useDocumentTypes();
  return (
    <>
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
      <Form.Item label="Số" name="codeNumber" rules={[{ max: 11 }]}>
        <Input />
      </Form.Item>
      <Form.Item label="Ký hiệu" name="codeNotation" rules={[{ max: 30 }]}>
        <Input placeholder="Ví dụ: UBND-VP" />
      </Form.Item>
      <Form.Item label="Ngày văn bản" name="issuedDate">
        <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        label="Cơ quan ban hành"
        name="organName"
        rules={[{ required: requireSender, message: 'Nhập cơ quan ban hành' }, { max: 200 }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        label="Trích yếu"
        name="subject"
        rules={[{ required: true, message: 'Nhập trích yếu' }, { max: 500 }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Form.Item label="Độ khẩn" name="priority" initialValue="normal">
        <Select options={Object.entries(PRIORITY_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item label="Hạn xử lý" name="dueDate">
        <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label="Người ký" name="signerName" rules={[{ max: 50 }]}>
        <Input />
      </Form.Item>
      <Form.Item label="Số trang" name="pageAmount">
        <InputNumber min={1} max={999} style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}
