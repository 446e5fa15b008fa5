import { App, Button, Card, Col, InputNumber, Row, Skeleton, Space } from 'antd';
import { useEffect, useState } from 'react';
import { sendJson } from '../../api/client';
import { useApi } from '../../api/useApi';
import type { Calendar } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { DateList } from './DateList';

export function CalendarPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const loaded = useApi<Calendar>('/settings/calendar');
  const [draft, setDraft] = useState<Calendar>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(loaded.data), [loaded.data]);

  const save = async () => {
    if (!draft) return;
    setBusy(true);
    try {
      await sendJson('PUT', '/settings/calendar', draft);
      setError(undefined);
      void message.success(t('calendar.saved'));
      loaded.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('calendar.title')} subtitle={t('calendar.subtitle')} extra={<Button type="primary" loading={busy} disabled={!draft} onClick={() => void save()}>{t('common.save')}</Button>} />
      <ErrorAlert error={error ?? loaded.error} />
      {!draft ? (
        <Skeleton active />
      ) : (
        <Row gutter={16}>
          <Col xs={24} lg={9}>
            <Card title={t('calendar.holidays')} style={{ marginBottom: 16 }}>
              <DateList value={draft.holidays} color="red" onChange={(holidays) => setDraft({ ...draft, holidays })} />
            </Card>
          </Col>
          <Col xs={24} lg={9}>
            <Card title={t('calendar.extraWorkdays')} style={{ marginBottom: 16 }}>
              <DateList value={draft.extraWorkdays} color="blue" onChange={(extraWorkdays) => setDraft({ ...draft, extraWorkdays })} />
            </Card>
          </Col>
          <Col xs={24} lg={6}>
            <Card title={t('calendar.utcOffset')} style={{ marginBottom: 16 }}>
              <Space>
                <InputNumber min={-720} max={840} step={60} value={draft.utcOffsetMinutes} onChange={(v) => setDraft({ ...draft, utcOffsetMinutes: v ?? 0 })} />
              </Space>
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
