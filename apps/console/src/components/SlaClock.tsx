import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';

function span(ms: number, lang: 'zh' | 'en'): string {
  const minutes = Math.floor(Math.abs(ms) / 60000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const units = lang === 'zh' ? ['天', '小时', '分钟'] : ['d', 'h', 'm'];
  const parts = [[d, units[0]], [h, units[1]], [m, units[2]]].filter(([n]) => n) as [number, string][];
  return (parts.length ? parts.slice(0, 2) : [[0, units[2]] as [number, string]]).map(([n, u]) => `${n}${lang === 'zh' ? '' : ' '}${u}`).join(' ');
}

/** Time left on a step's deadline (SLA), ticking each minute; red once the server says it is overdue. */
export function SlaClock({ dueAt, overdue }: { dueAt?: string | null; overdue: boolean }) {
  const { t, lang } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60000);
    return () => clearInterval(timer);
  }, []);
  if (!dueAt) return null;
  const left = new Date(dueAt).getTime() - now;
  const late = overdue || left < 0;
  const soon = !late && left < 4 * 3600_000;
  return (
    <Tag icon={<ClockCircleOutlined />} color={late ? 'error' : soon ? 'warning' : 'default'} className="sf-sla">
      {late ? t('board.overdueBy', { t: span(left, lang) }) : t('board.dueIn', { t: span(left, lang) })}
    </Tag>
  );
}
