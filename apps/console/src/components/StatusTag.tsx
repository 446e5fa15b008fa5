import { Tag } from 'antd';
import type { InstanceStatus } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';

const COLORS: Record<InstanceStatus, string> = { active: 'processing', completed: 'success', cancelled: 'default' };

export function StatusTag({ status }: { status: InstanceStatus }) {
  const { t } = useI18n();
  return <Tag color={COLORS[status]}>{t(`status.${status}`)}</Tag>;
}
