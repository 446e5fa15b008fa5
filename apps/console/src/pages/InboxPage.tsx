import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Table, Tag } from 'antd';
import { CompleteTaskButton } from '../actions/CompleteTaskButton';
import { EventButtons } from '../actions/EventButtons';
import { useApi } from '../api/useApi';
import type { Task } from '../api/types';
import { DueTag } from '../components/DueTag';
import { ErrorAlert } from '../components/ErrorAlert';
import { Link } from '../components/Link';
import { PageHeader } from '../components/PageHeader';
import { useLabels } from '../components/useLabels';
import { useI18n } from '../i18n/I18nProvider';
import { InboxStats } from './InboxStats';

export function InboxPage() {
  const { t, local, role } = useI18n();
  const labels = useLabels();
  const tasks = useApi<Task[]>('/tasks?mine=true&status=open');
  const rows = tasks.data ?? [];

  return (
    <>
      <PageHeader title={t('inbox.title')} subtitle={t('inbox.subtitle')} extra={<Button icon={<ReloadOutlined />} onClick={tasks.reload}>{t('common.refresh')}</Button>} />
      <ErrorAlert error={tasks.error} />
      <InboxStats tasks={rows} />
      <Card>
        <Table<Task>
          rowKey="id"
          loading={tasks.loading}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inbox.empty')} /> }}
          rowClassName={(r) => (r.overdue ? 'sf-row-overdue' : '')}
          columns={[
            {
              title: t('field.task'),
              key: 'task',
              render: (_, r) => (
                <>
                  {r.kind && r.kind !== 'step' && <Tag color={r.kind === 'escalation' ? 'red' : 'blue'}>{t(`task.kind.${r.kind}`)}</Tag>}
                  <strong>{local(r.title)}</strong>
                </>
              ),
            },
            { title: t('field.instance'), key: 'instance', render: (_, r) => <Link to={`/instances/${r.instanceId}`}>{r.instanceTitle ?? r.instanceId.slice(0, 8)}</Link> },
            { title: t('field.procedure'), key: 'procedure', render: (_, r) => labels.procedure(r.procedure) },
            { title: t('field.role'), key: 'role', render: (_, r) => <Tag>{role(r.role)}</Tag> },
            { title: t('field.due'), key: 'due', render: (_, r) => <DueTag dueAt={r.dueAt} overdue={r.overdue} /> },
            {
              title: t('field.actions'),
              key: 'actions',
              render: (_, r) =>
                r.kind && r.kind !== 'step' ? (
                  <CompleteTaskButton task={r} onDone={tasks.reload} />
                ) : (
                  <EventButtons size="small" events={r.outcomes} target={{ instanceId: r.instanceId, instanceTitle: r.instanceTitle, procedure: r.procedure, state: r.state }} onSent={tasks.reload} />
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
