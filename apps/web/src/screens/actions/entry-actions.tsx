import { Button, Space } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router';
import type { EntryDetail } from '../../client/types';
import { api, type Decision } from '../../client/vanthu-api';
import { useSession } from '../../session/session-context';
import { useEntryAction } from './use-entry-action';

// Each dialog loads when it is opened: the forms, date pickers and selects they need are not in
// the way of the document screen's first paint (they were ~25 chunks of its first load).
const SignModal = lazy(() => import('./sign-modal'));
const RegisterModal = lazy(() => import('./register-modal').then((m) => ({ default: m.RegisterModal })));
const AssignModal = lazy(() => import('./assign-modal').then((m) => ({ default: m.AssignModal })));
const IssueModal = lazy(() => import('./issue-modal').then((m) => ({ default: m.IssueModal })));
const CopyModal = lazy(() => import('./copy-modal').then((m) => ({ default: m.CopyModal })));
const ReplaceModal = lazy(() => import('./replace-modal').then((m) => ({ default: m.ReplaceModal })));
const UpdateIssuedModal = lazy(() =>
  import('./update-issued-modal').then((m) => ({ default: m.UpdateIssuedModal })),
);
const ReasonModal = lazy(() => import('./reason-modal').then((m) => ({ default: m.ReasonModal })));

type Dialog =
  | 'register'
  | 'return'
  | 'assign'
  | 'note'
  | 'close'
  | 'return-draft'
  | 'sign'
  | 'issue'
  | 'recall'
  | 'replace'
  | 'update'
  | 'copy'
  | null;

/**
 * The actions this user may take on this entry now, by status and role (the server checks the same
 * rules and answers 403/409 otherwise). Each sends the version the user saw.
 */
export function EntryActions({ entry, agencyId }: { entry: EntryDetail; agencyId: string }) {
  const session = useSession();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const action = useEntryAction();
  const is = (...roles: Parameters<typeof session.hasRole>[1][]) => session.hasRole(agencyId, ...roles);
  const me = session.me.userId;
  const close = () => {
    setDialog(null);
    action.clearError();
  };
  const decide = (decision: Decision, done: string, comment?: string) =>
    action.run(() => api.outgoing.decide(agencyId, entry.id, entry.version, decision, comment), done);
  const s = entry.status;
  const buttons: React.ReactNode[] = [];
  const add = (key: string, label: string, onClick: () => void, primary = false, danger = false) =>
    buttons.push(
      <Button
        key={key}
        type={primary ? 'primary' : 'default'}
        danger={danger}
        onClick={onClick}
        loading={action.busy && primary}
      >
        {label}
      </Button>,
    );

  if (entry.direction === 'incoming') {
    if (s === 'received' && is('clerk')) {
      add('register', 'Vào sổ', () => setDialog('register'), true);
      add('return', 'Trả lại', () => setDialog('return'), false, true);
    }
    if (['registered', 'assigned', 'in_progress'].includes(s) && is('leader'))
      add(
        'assign',
        s === 'registered' ? 'Phân công xử lý' : 'Phân công lại',
        () => setDialog('assign'),
        s === 'registered',
      );
    if (['assigned', 'in_progress'].includes(s)) {
      add('note', 'Cập nhật tiến độ / Ý kiến', () => setDialog('note'));
      if (is('specialist', 'leader'))
        add('reply', 'Soạn văn bản trả lời', () =>
          navigate(`/co-quan/${agencyId}/van-ban-di/du-thao-moi?traLoi=${entry.id}`),
        );
      if (is('leader')) add('close', 'Kết thúc xử lý', () => setDialog('close'));
    }
  } else {
    if (s === 'draft') add('submit', 'Trình', () => void decide('submit', 'Đã trình dự thảo.'), true);
    if (s === 'reviewing' && is('leader', 'specialist', 'clerk')) {
      add('forward', 'Chuyển người ký', () => void decide('forward', 'Đã chuyển người ký duyệt.'), true);
      add('return-draft', 'Trả lại', () => setDialog('return-draft'), false, true);
    }
    if (s === 'approving' && entry.signerUserId === me) {
      add('approve', 'Duyệt', () => void decide('approve', 'Đã duyệt dự thảo.'), true);
      add('return-draft', 'Trả lại', () => setDialog('return-draft'), false, true);
    }
    if (s === 'approved' && entry.signerUserId === me) add('sign', 'Ký số', () => setDialog('sign'), true);
    if (s === 'signed' && is('clerk')) add('issue', 'Phát hành', () => setDialog('issue'), true);
    if (s === 'issued' && is('clerk')) {
      add('update', 'Cập nhật thông tin', () => setDialog('update'));
      add('replace', 'Thay thế', () => setDialog('replace'), false, true);
      add('recall', 'Thu hồi', () => setDialog('recall'), false, true);
    }
  }
  const copyable =
    entry.direction === 'incoming'
      ? !['received', 'recalled', 'returned'].includes(s)
      : ['issued', 'replaced'].includes(s);
  if (copyable && is('clerk')) add('copy', 'Bản sao', () => setDialog('copy'));

  const props = { entry, agencyId, onClose: close };
  const reason = (
    title: string,
    label: string,
    okText: string,
    submit: (text: string) => Promise<unknown>,
    more: { danger?: boolean; maxLength?: number } = {},
  ) => (
    <ReasonModal
      open
      title={title}
      label={label}
      okText={okText}
      {...more}
      busy={action.busy}
      error={action.error}
      onCancel={close}
      onSubmit={async (text) => (await submit(text)) && close()}
    />
  );
  return (
    <>
      <Space wrap>{buttons}</Space>
      <Suspense fallback={null}>
        {dialog === 'register' && <RegisterModal {...props} />}
        {dialog === 'assign' && <AssignModal {...props} />}
        {dialog === 'issue' && <IssueModal {...props} />}
        {dialog === 'copy' && <CopyModal {...props} />}
        {dialog === 'replace' && <ReplaceModal {...props} />}
        {dialog === 'update' && <UpdateIssuedModal {...props} />}
        {dialog === 'sign' && <SignModal {...props} />}
        {dialog === 'return' &&
          reason(
            'Trả lại văn bản đến',
            'Lý do trả lại',
            'Trả lại',
            (text) =>
              action.run(
                () => api.incoming.return(agencyId, entry.id, entry.version, text),
                'Đã trả lại văn bản.',
              ),
            { danger: true },
          )}
        {dialog === 'return-draft' &&
          reason(
            'Trả lại dự thảo',
            'Ý kiến',
            'Trả lại',
            (text) => decide('return', 'Đã trả lại dự thảo.', text),
            {
              danger: true,
              maxLength: 2000,
            },
          )}
        {dialog === 'note' &&
          reason(
            'Cập nhật tiến độ xử lý',
            'Nội dung',
            'Ghi nhận',
            (text) =>
              action.run(
                () => api.incoming.note(agencyId, entry.id, 'progress', text),
                'Đã cập nhật tiến độ.',
              ),
            { maxLength: 2000 },
          )}
        {dialog === 'close' &&
          reason('Kết thúc xử lý', 'Ghi chú', 'Kết thúc', (text) =>
            action.run(
              () => api.incoming.close(agencyId, entry.id, { version: entry.version, note: text }),
              'Đã kết thúc xử lý.',
            ),
          )}
        {dialog === 'recall' &&
          reason(
            'Thu hồi văn bản',
            'Lý do thu hồi',
            'Thu hồi',
            (text) =>
              action.run(
                () => api.outgoing.recall(agencyId, entry.id, entry.version, text),
                'Đã thu hồi văn bản.',
              ),
            { danger: true },
          )}
      </Suspense>
    </>
  );
}
