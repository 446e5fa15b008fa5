import { Space, Tag, Typography } from 'antd';
import { useI18n } from '../i18n/I18nProvider';

/** A task's due date with an overdue mark. */
export function DueTag({ dueAt, overdue }: { dueAt?: string | null; overdue: boolean }) {
  const { t, dateTime } = useI18n();
  if (!dueAt) return <Typography.Text type="secondary">{t('tag.noDeadline')}</Typography.Text>;
  return (
    <Space size={4}>
      <span>{dateTime(dueAt)}</span>
      {overdue ? <Tag color="error">{t('tag.overdue')}</Tag> : <Tag color="success">{t('tag.onTime')}</Tag>}
    </Space>
  );
}
