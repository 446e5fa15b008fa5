import { Space, Tag, Typography } from 'antd';
import type { Instance } from '../../api/types';
import { usePeople } from '../../api/usePeople';
import { DueTag } from '../../components/DueTag';
import { useI18n } from '../../i18n/I18nProvider';

/** Who the instance waits for now, and by when. */
export function OpenTasks({ instance }: { instance: Instance }) {
  const { local, role, t, dateTime } = useI18n();
  const person = usePeople();
  if (instance.openTasks.length === 0) return null;
  return (
    <Space direction="vertical" size={4} style={{ marginBottom: 12 }}>
      {instance.openTasks.map((task) => (
        <Space key={task.id} wrap>
          <Typography.Text strong>{local(task.title)}</Typography.Text>
          <Tag>{role(task.role)}</Tag>
          {task.assignee && <Tag color="purple">{person(task.assignee)}</Tag>}
          {task.opensAt && Date.parse(task.opensAt) > Date.now() && <Tag color="default">{t('task.opensAt', { time: dateTime(task.opensAt) })}</Tag>}
          <DueTag dueAt={task.dueAt} overdue={task.overdue} />
        </Space>
      ))}
    </Space>
  );
}
