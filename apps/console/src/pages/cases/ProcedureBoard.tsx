import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Flex, Switch, Typography } from 'antd';
import { useState } from 'react';
import { query } from '../../api/client';
import { useApi } from '../../api/useApi';
import type { Instance, Page } from '../../api/types';
import { useProcedures } from '../../api/useProcedures';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RoleTags } from '../../components/RoleTags';
import { SlaClock } from '../../components/SlaClock';
import { useLabels } from '../../components/useLabels';
import type { TextKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { StartProcedureModal, useStartable } from '../StartProcedureModal';

/** One card per case: title, who acts now, the step's clock. */
function CaseCard({ instance }: { instance: Instance }) {
  const { dateTime } = useI18n();
  const task = instance.openTasks[0];
  return (
    <Card size="small" hoverable className={`sf-case${task?.overdue ? ' sf-case-overdue' : ''}`} onClick={() => navigate(`/instances/${instance.id}`)}>
      <Typography.Text strong ellipsis={{ tooltip: instance.title }} style={{ display: 'block' }}>{instance.title}</Typography.Text>
      <Flex justify="space-between" align="center" wrap gap={4} style={{ marginTop: 6 }}>
        {task ? <RoleTags roles={[{ role: task.role }]} /> : <span className="sf-muted">{dateTime(instance.updatedAt)}</span>}
        {task && <SlaClock dueAt={task.dueAt} overdue={task.overdue} />}
      </Flex>
    </Card>
  );
}

/**
 * A board of one procedure's cases, a column per step in the procedure's
 * order, so the complaints desk, quality and the GM see where everything is
 * and which clocks are running out.
 */
export function ProcedureBoard({ procedure, title, subtitle }: { procedure: string; title: TextKey; subtitle: TextKey }) {
  const { t } = useI18n();
  const labels = useLabels();
  const { details } = useProcedures();
  const startable = useStartable();
  const [showClosed, setShowClosed] = useState(false);
  const [starting, setStarting] = useState(false);
  const cases = useApi<Page<Instance>>(`/instances${query({ procedure, status: showClosed ? undefined : 'active', pageSize: 200 })}`);
  const states = (details[procedure]?.states ?? []).filter((s) => !s.automatic && (showClosed || !s.final));
  const items = cases.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t(title)}
        subtitle={t(subtitle)}
        extra={
          <>
            <Flex align="center" gap={6}><Switch size="small" checked={showClosed} onChange={setShowClosed} aria-label={t('board.showClosed')} /> {t('board.showClosed')}</Flex>
            <Button icon={<ReloadOutlined />} onClick={cases.reload}>{t('common.refresh')}</Button>
            {startable.includes(procedure) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setStarting(true)}>{t('board.new')}</Button>}
          </>
        }
      />
      <ErrorAlert error={cases.error} />
      <div className="sf-board">
        {states.map((s) => {
          const here = items.filter((i) => i.state === s.id);
          return (
            <div key={s.id} className="sf-board-column">
              <Flex justify="space-between" align="center" className="sf-board-head">
                <Typography.Text strong>{labels.state(procedure, s.id)}</Typography.Text>
                <Badge count={here.length} showZero color={here.some((i) => i.openTasks[0]?.overdue) ? '#ff4d4f' : '#1677ff'} />
              </Flex>
              <Flex vertical gap={8}>
                {here.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('board.empty')} /> : here.map((i) => <CaseCard key={i.id} instance={i} />)}
              </Flex>
            </div>
          );
        })}
      </div>
      {starting && <StartProcedureModal initialProcedure={procedure} onClose={() => setStarting(false)} onStarted={(i) => navigate(`/instances/${i.id}`)} />}
    </>
  );
}
