import { Button, Result } from 'antd';
import { Link } from 'react-router';

/** Shown for an unknown address, another agency's address and a document the API does not show. */
export function NotFoundPage({ standalone }: { standalone?: boolean }) {
  const body = (
    <Result
      status="404"
      title="Không tìm thấy trang"
      subTitle="Trang hoặc văn bản này không tồn tại, hoặc bạn không có quyền xem."
      extra={
        <Link to="/">
          <Button type="primary">Về bàn làm việc</Button>
        </Link>
      }
    />
  );
  return standalone ? <main>{body}</main> : body;
}
