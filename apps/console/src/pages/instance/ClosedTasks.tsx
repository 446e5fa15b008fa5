import { List, Tag, Typography } from 'antd';
import { usePeople } from '../../api/usePeople';
import type { Task } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';

/** A follow-up or escalation task as GET /tasks?status=closed lists it. */
export type ClosedTask = Task & { closedAt?: string; closedBy?: string; resolution?: string };

/** What was done about the instance's follow-ups and escalations, newest first; nothing when there were none. */
export function ClosedTasks({ tasks }: { tasks: ClosedTask[] }) {
  const { t, local, dateTime } = useI18n();
  const person = usePeople();
  if (tasks.length === 0) return null;
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('instance.closedTasks')}</Typography.Text>}
      dataSource={tasks}
      renderItem={(task) => (
        <List.Item>
          <div>
            <Tag color={task.kind === 'escalation' ? 'red' : 'blue'}>{t(`task.kind.${task.kind === 'escalation' ? 'escalation' : 'follow-up'}`)}</Tag>
            {local(task.title)}
            <div className="sf-muted">
              {t('instance.closedBy', { who: task.closedBy === 'system' ? t('instance.closedBySystem') : person(task.closedBy ?? ''), when: dateTime(task.closedAt) })}
              {task.resolution ? ` — ${task.resolution}` : ''}
            </div>
          </div>
        </List.Item>
      )}
    />
  );
}
