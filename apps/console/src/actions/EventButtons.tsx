import { Button, Space } from 'antd';
import { useState } from 'react';
import type { Instance } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { SendEventModal, type EventTarget } from './SendEventModal';

const PRIMARY = new Set(['APPROVE', 'SUBMIT', 'RESOLVE', 'EFFECTIVE', 'CALLBACK_SATISFIED', 'ACKNOWLEDGE', 'CLOSE_COLLECTION', 'DISPATCH', 'CONCLUDE']);
const DANGER = new Set(['REJECT', 'INEFFECTIVE', 'CALLBACK_DISSATISFIED', 'CANCEL']);

/** The outcome buttons of one step; nothing at all when the caller has none (e.g. auditors). */
export function EventButtons({ target, events, onSent, size }: { target: Omit<EventTarget, 'event'>; events: string[]; onSent: (i: Instance) => void; size?: 'small' | 'middle' }) {
  const { event: label } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  if (events.length === 0) return null;
  return (
    <>
      <Space wrap size={8}>
        {events.map((e) => (
          <Button key={e} size={size} type={PRIMARY.has(e) ? 'primary' : 'default'} danger={DANGER.has(e)} onClick={() => setOpen(e)}>
            {label(e)}
          </Button>
        ))}
      </Space>
      {open && (
        <SendEventModal
          target={{ ...target, event: open }}
          onClose={() => setOpen(null)}
          onSent={(i) => {
            setOpen(null);
            onSent(i);
          }}
        />
      )}
    </>
  );
}
