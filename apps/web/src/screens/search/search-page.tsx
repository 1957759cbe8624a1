import { Button, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useParams, useSearchParams } from 'react-router';
import type { SearchQuery } from '../../client/vanthu-api';
import { EntryTable } from '../../ui/entry-table';
import { PRIORITY_LABELS, STATUS_LABELS } from '../../ui/labels';
import { useDocumentTypes } from '../../ui/reference-data';

const KEYS = ['q', 'direction', 'type', 'status', 'priority', 'from', 'to', 'overdue'] as const;

interface Filters {
  q?: string;
  direction?: 'incoming' | 'outgoing';
  type?: string;
  status?: string[];
  priority?: string;
  period?: [Dayjs, Dayjs] | null;
  overdue?: boolean;
}

/**
 * Tra cứu: every filter lives in the address (?q=…&direction=…), so a search can be bookmarked,
 * sent to a colleague and reopened as it was. The server folds diacritics: "quyet dinh" finds
 * "Quyết định".
 */
export default function SearchPage() {
  const { agencyId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const types = useDocumentTypes();
  const query: SearchQuery = {
    q: params.get('q') ?? undefined,
    direction: (params.get('direction') as SearchQuery['direction']) ?? undefined,
    type: params.get('type') ?? undefined,
    status: params.get('status')?.split(',').filter(Boolean),
    priority: (params.get('priority') as SearchQuery['priority']) ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    overdue: params.get('overdue') === 'true' ? true : undefined,
  };
  const initial: Filters = {
    ...query,
    period: query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null,
  };

  const apply = (f: Filters) => {
    const next = new URLSearchParams();
    const values: Record<string, string | undefined> = {
      q: f.q?.trim(),
      direction: f.direction,
      type: f.type,
      status: f.status?.join(','),
      priority: f.priority,
      from: f.period?.[0]?.format('YYYY-MM-DD'),
      to: f.period?.[1]?.format('YYYY-MM-DD'),
      overdue: f.overdue ? 'true' : undefined,
    };
    for (const key of KEYS) if (values[key]) next.set(key, values[key]!);
    setParams(next);
  };

  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        Tra cứu văn bản
      </Typography.Title>
      <Form
        layout="inline"
        initialValues={initial}
        onFinish={apply}
        key={params.toString()}
        style={{ rowGap: 12, marginBottom: 16 }}
      >
        <Form.Item label="Từ khóa" name="q">
          <Input placeholder="Số, ký hiệu, trích yếu, cơ quan…" style={{ width: 280 }} allowClear />
        </Form.Item>
        <Form.Item label="Sổ" name="direction">
          <Select
            allowClear
            style={{ width: 130 }}
            placeholder="Tất cả"
            options={[
              { value: 'incoming', label: 'Văn bản đến' },
              { value: 'outgoing', label: 'Văn bản đi' },
            ]}
          />
        </Form.Item>
        <Form.Item label="Loại" name="type">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 170 }}
            placeholder="Tất cả"
            options={(types.data ?? []).map((t) => ({ value: t.code, label: t.name }))}
          />
        </Form.Item>
        <Form.Item label="Trạng thái" name="status">
          <Select
            mode="multiple"
            allowClear
            style={{ minWidth: 180 }}
            placeholder="Tất cả"
            options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="Độ khẩn" name="priority">
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder="Tất cả"
            options={Object.entries(PRIORITY_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="Thời gian" name="period">
          <DatePicker.RangePicker format="DD/MM/YYYY" placeholder={['Từ ngày', 'Đến ngày']} />
        </Form.Item>
        <Form.Item label="Quá hạn" name="overdue">
          <Select
            allowClear
            style={{ width: 110 }}
            placeholder="Tất cả"
            options={[{ value: true, label: 'Quá hạn' }]}
          />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            Tìm kiếm
          </Button>
          <Button onClick={() => setParams(new URLSearchParams())}>Xóa điều kiện</Button>
        </Space>
      </Form>
      <EntryTable
        key={params.toString()}
        agencyId={agencyId}
        kind="mixed"
        label="Kết quả tra cứu"
        query={query}
        height={480}
      />
    </>
  );
}
