import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

/** Shown for an unknown address, another agency's address and a document the API does not show. */
export function NotFoundPage({ standalone }: { standalone?: boolean }) {
  const navigate = useNavigate();
  const body = (
    <Result
      status="404"
      title="Không tìm thấy trang"
      subTitle="Trang hoặc văn bản này không tồn tại, hoặc bạn không có quyền xem."
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          Về bàn làm việc
        </Button>
      }
    />
  );
  return standalone ? <main>{body}</main> : body;
}
