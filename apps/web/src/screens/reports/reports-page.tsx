import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Col, DatePicker, Progress, Row, Space, Spin, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { Ratio } from '../../client/types';
import { api } from '../../client/vanthu-api';
import { useSession } from '../../session/session-context';
import { MonthChart } from './month-chart';

function Share({ title, ratio }: { title: string; ratio: Ratio }) {
  const pct = ratio.rate === null ? null : Math.round(ratio.rate * 1000) / 10;
  return (
    <div className="panel">
      <Typography.Text strong>{title}</Typography.Text>
      <Progress percent={pct ?? 0} showInfo={false} strokeColor="#0b57d0" aria-label={title} />
      <div>
        {pct === null ? 'Chưa có số liệu' : `${pct.toLocaleString('vi-VN')}% (${ratio.part}/${ratio.total})`}
      </div>
    </div>
  );
}

/** Báo cáo thống kê: monthly figures and the shares the district reports (domain.md §1). */
export default function ReportsPage() {
  const { agencyId = '' } = useParams();
  const session = useSession();
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs().endOf('year')]);
  const [subordinates, setSubordinates] = useState(false);
  const query = {
    from: period[0].format('YYYY-MM-DD'),
    to: period[1].format('YYYY-MM-DD'),
    includeSubordinates: subordinates || undefined,
  };
  const report = useQuery({
    queryKey: ['report', agencyId, query],
    queryFn: () => api.reports.summary(agencyId, query),
  });
  const r = report.data;
  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        Báo cáo thống kê
      </Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <label htmlFor="report-period">Kỳ báo cáo</label>
        <DatePicker.RangePicker
          id={{ start: 'report-period' }}
          format="DD/MM/YYYY"
          value={period}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setPeriod([v[0], v[1]])}
        />
        {session.hasRole(agencyId, 'leader', 'admin') && (
          <Checkbox checked={subordinates} onChange={(e) => setSubordinates(e.target.checked)}>
            Gồm các cơ quan cấp dưới
          </Checkbox>
        )}
      </Space>
      {report.isPending && <Spin />}
      {report.isError && <Alert type="error" showIcon title={(report.error as Error).message} />}
      {r && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12} xl={6}>
              <Share title="Văn bản đi được ký số" ratio={r.digitallySigned} />
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Share title="Văn bản đi gửi điện tử" ratio={r.electronicExchange.outgoing} />
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Share title="Văn bản đến nhận điện tử" ratio={r.electronicExchange.incoming} />
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Share title={`Xử lý đúng hạn (đang quá hạn: ${r.onTime.openOverdue})`} ratio={r.onTime} />
            </Col>
          </Row>
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
            Văn bản theo tháng (đến {r.totals.incoming}, đi {r.totals.outgoing})
          </Typography.Title>
          <div className="panel" style={{ overflowX: 'auto' }}>
            <MonthChart months={r.byMonth} />
          </div>
          <Row gutter={16} style={{ marginTop: 24 }}>
            <Col xs={24} xl={12}>
              <Typography.Title level={2} style={{ fontSize: 16 }}>
                Theo loại văn bản
              </Typography.Title>
              <Table
                rowKey="typeCode"
                size="small"
                pagination={false}
                dataSource={r.byType}
                columns={[
                  { title: 'Loại', dataIndex: 'typeName' },
                  { title: 'Đến', dataIndex: 'incoming', width: 90 },
                  { title: 'Đi', dataIndex: 'outgoing', width: 90 },
                ]}
              />
            </Col>
            <Col xs={24} xl={12}>
              <Typography.Title level={2} style={{ fontSize: 16 }}>
                Chứng thư số theo cấp
              </Typography.Title>
              <Table
                rowKey="levelLabel"
                size="small"
                pagination={false}
                dataSource={r.certificatesByLevel ?? []}
                columns={[
                  { title: 'Cấp', dataIndex: 'levelLabel' },
                  { title: 'Tổ chức', dataIndex: 'organisations', width: 100 },
                  { title: 'Cá nhân', dataIndex: 'persons', width: 100 },
                ]}
              />
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
