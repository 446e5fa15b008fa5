import { Card, Col, Row, Statistic } from 'antd';
import type { Task } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';

const THREE_DAYS = 3 * 86_400_000;

/** Open, overdue and soon-due counts above the inbox. */
export function InboxStats({ tasks }: { tasks: Task[] }) {
  const { t } = useI18n();
  const now = Date.now();
  const overdue = tasks.filter((x) => x.overdue).length;
  const soon = tasks.filter((x) => !x.overdue && x.dueAt && new Date(x.dueAt).getTime() - now < THREE_DAYS).length;
  return (
    <Row gutter={16} style={{ marginBottom: 16 }}>
      <Col xs={24} sm={8}>
        <Card size="small"><Statistic title={t('inbox.open')} value={tasks.length} /></Card>
      </Col>
      <Col xs={24} sm={8}>
        <Card size="small"><Statistic title={t('inbox.overdueCount')} value={overdue} styles={{ content: { color: overdue ? '#cf1322' : undefined } }} /></Card>
      </Col>
      <Col xs={24} sm={8}>
        <Card size="small"><Statistic title={t('inbox.dueSoon')} value={soon} styles={{ content: { color: soon ? '#d46b08' : undefined } }} /></Card>
      </Col>
    </Row>
  );
}
