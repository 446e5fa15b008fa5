import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Result, Row, Skeleton, Typography } from 'antd';
import { EventButtons } from '../../actions/EventButtons';
import { NoteButton } from '../../actions/NoteButton';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/useApi';
import type { AuditRecord, Instance } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { StateDiagram } from '../../components/StateDiagram';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { SurveyPanel } from '../surveys/SurveyPanel';
import { HistoryTimeline } from './HistoryTimeline';
import { InstanceData } from './InstanceData';
import { InstanceSummary } from './InstanceSummary';
import { LinkedInstances } from './LinkedInstances';
import { OpenTasks } from './OpenTasks';
import { ClosedTasks, type ClosedTask } from './ClosedTasks';

export function InstancePage({ id }: { id: string }) {
  const { t } = useI18n();
  const instance = useApi<Instance>(`/instances/${id}`);
  const history = useApi<AuditRecord[]>(`/instances/${id}/history`);
  const closedTasks = useApi<ClosedTask[]>(`/tasks?status=closed&instanceId=${id}`);
  const reload = () => {
    instance.reload();
    history.reload();
    closedTasks.reload();
  };

  if (instance.error instanceof ApiError && instance.error.status === 404) {
    return <Result status="404" title={t('instance.notFound')} extra={<Button onClick={() => navigate('/instances')}>{t('common.back')}</Button>} />;
  }
  const i = instance.data;
  if (!i) return instance.error ? <ErrorAlert error={instance.error} /> : <Skeleton active />;

  return (
    <>
      <PageHeader
        title={<><Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('common.back')} onClick={() => goBack()} /> {i.title}</>}
        extra={<Button icon={<ReloadOutlined />} onClick={reload}>{t('common.refresh')}</Button>}
      />
      <Card style={{ marginBottom: 16 }}>
        <InstanceSummary instance={i} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={t('instance.actions')} style={{ marginBottom: 16 }}>
            <OpenTasks instance={i} />
            {i.availableEvents.length > 0 || i.canCancel ? (
              <EventButtons
                events={i.canCancel ? [...i.availableEvents, 'CANCEL'] : i.availableEvents}
                target={{ instanceId: i.id, instanceTitle: i.title, procedure: i.procedure, state: i.state }}
                onSent={reload}
              />
            ) : (
              <Typography.Text type="secondary">{t('instance.noActions')}</Typography.Text>
            )}
          </Card>
          <Card
            title={t('instance.history')}
            extra={i.canNote && <NoteButton path={`/instances/${i.id}/notes`} title={i.title} words={{ action: 'instance.addNote', label: 'instance.noteLabel', required: 'instance.noteRequired', done: 'instance.noteAdded' }} onDone={reload} />}
            style={{ marginBottom: 16 }}
          >
            <ErrorAlert error={history.error} />
            <HistoryTimeline records={history.data ?? []} procedure={i.procedure} />
            <ClosedTasks tasks={closedTasks.data ?? []} />
          </Card>
          <Card title={t('instance.data')} style={{ marginBottom: 16 }}>
            <InstanceData instance={i} />
          </Card>
          <Card title={t('instance.links')} style={{ marginBottom: 16 }}>
            <LinkedInstances instance={i} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('instance.diagram')} style={{ marginBottom: 16 }}>
            <StateDiagram procedure={i.procedure} highlight={i.state} maxHeight={900} />
          </Card>
        </Col>
      </Row>
      {/* the survey is where most of a survey plan's work happens: full width */}
      {i.procedure === 'annual-satisfaction-survey' && <SurveyPanel instance={i} onChange={reload} />}
    </>
  );
}

function goBack(): void {
  if (window.history.length > 1) window.history.back();
  else navigate('/instances');
}
