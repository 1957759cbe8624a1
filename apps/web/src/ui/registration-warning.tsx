import { Alert, Button, Space } from 'antd';
import { ApiError } from '../client/http';

export interface RegistrationOverride {
  confirmDuplicate?: boolean;
  overrideVerification?: boolean;
}

/** The two refusals a clerk may knowingly override, as the flag to resend with. */
export function overrideFor(
  error: unknown,
): { flag: keyof RegistrationOverride; message: string } | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === 'ENTRY_DUPLICATE') return { flag: 'confirmDuplicate', message: error.message };
  if (error.code === 'SIGNATURE_VERIFICATION_FAILED')
    return { flag: 'overrideVerification', message: error.message };
  return undefined;
}

/**
 * "Cảnh báo trùng văn bản" or "chữ ký số không hợp lệ": the server's words, the document it may
 * duplicate (its number), and a button to register anyway.
 */
export function RegistrationWarning({
  error,
  onConfirm,
  busy,
}: {
  error: unknown;
  onConfirm: (override: RegistrationOverride) => void;
  busy?: boolean;
}) {
  const override = overrideFor(error);
  if (!error) return null;
  if (!override)
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={error instanceof Error ? error.message : String(error)}
      />
    );
  const details =
    error instanceof ApiError
      ? (error.details as { numberNotation?: string; arrivalNumber?: number } | undefined)
      : undefined;
  const title = override.flag === 'confirmDuplicate' ? 'Cảnh báo trùng văn bản' : 'Chữ ký số không hợp lệ';
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={title}
      description={
        <Space orientation="vertical">
          <span>{override.message}</span>
          {details?.numberNotation && (
            <span>
              Văn bản đã có: số/ký hiệu {details.numberNotation}
              {details.arrivalNumber ? `, số đến ${details.arrivalNumber}` : ''}.
            </span>
          )}
          <Button danger loading={busy} onClick={() => onConfirm({ [override.flag]: true })}>
            {override.flag === 'confirmDuplicate'
              ? 'Xác nhận đây là văn bản khác và vào sổ'
              : 'Vẫn vào sổ (lưu kết quả kiểm tra)'}
          </Button>
        </Space>
      }
    />
  );
}
