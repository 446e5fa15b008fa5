import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Flex, Form, Input, List, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useApi } from '../api/useApi';
import type { LocalText } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { useI18n } from '../i18n/I18nProvider';

interface SlaFigure {
  met: number;
  late: number;
  pending: number;
  rate: number | null;
}

/** The pack as GET /management-review/pack compiles it (libs/reviews): the fields this preview shows. */
export interface ReviewPack {
  period: { label: string; from: string; to: string };
  surveys: {
    reports: { reportId: string; title: string; revision: number; overallIndex: number | null; grade: LocalText | null; returnRate: number }[];
    trend: { change: { overall: number | null } | null };
  };
  complaints: {
    total: number;
    open: number;
    closed: number;
    major: { instanceId: string; title: string }[];
    sla: { dispatchWithin10Minutes: SlaFigure; firstContactWithin24Hours: SlaFigure; callbackRate: { due: number; calledBack: number; rate: number | null } };
  };
  correctiveActions: {
    open: number;
    overdue: number;
    closedEffective: number;
    ineffective: number;
    actions: { instanceId: string; title: string; status: string }[];
  };
  composite: { figures: { compositeId: string; title: string; final: number | null; grade: { label: LocalText } | null }[] };
  hash: string;
}

const rate = (r: number | null) => (r === null ? '—' : `${r}%`);

/** The pack's figures as the general manager reads them (also the frozen pack of an instance). */
export function PackPreview({ value, id }: { value?: ReviewPack; id?: string }) {
  const { t, local } = useI18n();
  if (!value) return <Spin />;
  const { surveys, complaints, correctiveActions, composite } = value;
  const sla = complaints.sla;
  const change = surveys.trend.change?.overall;
  return (
    <Descriptions id={id} size="small" bordered column={1} className="sf-pack">
      <Descriptions.Item label={t('pack.surveys')}>
        {surveys.reports.length === 0 ? (
          t('board.empty')
        ) : (
          <List
            size="small"
            dataSource={surveys.reports}
            renderItem={(s) => (
              <List.Item>
                {s.title} ({t('pack.revision', { n: s.revision })}) · {t('surveys.overall')} {s.overallIndex ?? '—'} {s.grade && <Tag color="blue">{local(s.grade)}</Tag>} · {t('surveys.returnRate')} {s.returnRate}%
              </List.Item>
            )}
          />
        )}
        {change !== undefined && change !== null && <Typography.Text type="secondary">{t('pack.trend', { delta: change > 0 ? `+${change}` : String(change) })}</Typography.Text>}
      </Descriptions.Item>
      <Descriptions.Item label={t('pack.complaints')}>
        {t('pack.total', { n: complaints.total })} · {t('pack.open', { n: complaints.open })} · {t('pack.closed', { n: complaints.closed })}{' '}
        {complaints.major.length > 0 && <Tag color="error">{t('pack.major', { n: complaints.major.length })}</Tag>}
        <br />
        {t('pack.dispatchSla', { rate: rate(sla.dispatchWithin10Minutes.rate), late: sla.dispatchWithin10Minutes.late })} ·{' '}
        {t('pack.firstContactSla', { rate: rate(sla.firstContactWithin24Hours.rate), late: sla.firstContactWithin24Hours.late })} ·{' '}
        {t('pack.callbackRate', { rate: rate(sla.callbackRate.rate), done: sla.callbackRate.calledBack, due: sla.callbackRate.due })}
      </Descriptions.Item>
      <Descriptions.Item label={t('pack.actions')}>
        {t('pack.open', { n: correctiveActions.open })} · {t('pack.closedEffective', { n: correctiveActions.closedEffective })}{' '}
        {correctiveActions.overdue > 0 && <Tag color="error">{t('pack.overdue', { n: correctiveActions.overdue })}</Tag>}
        {correctiveActions.ineffective > 0 && <Tag color="warning">{t('pack.ineffective', { n: correctiveActions.ineffective })}</Tag>}
        {correctiveActions.actions
          .filter((a) => a.status === 'overdue')
          .map((a) => (
            <div key={a.instanceId}>· {a.title}</div>
          ))}
      </Descriptions.Item>
      <Descriptions.Item label={t('pack.composite')}>
        {composite.figures.length === 0
          ? t('pack.noComposite')
          : composite.figures.map((c) => (
              <div key={c.compositeId}>
                {c.title}: {c.final ?? '—'} {c.grade && <Tag color="blue">{local(c.grade.label)}</Tag>}
              </div>
            ))}
      </Descriptions.Item>
    </Descriptions>
  );
}

/**
 * The management-review input pack, compiled by the server for the period typed in. The
 * compiled pack is submitted as it is: the engine compiles it again at SUBMIT and refuses
 * figures that differ (the SLA figures are as of now, so a preview goes stale), then freezes
 * it. `recompile` counts the dialog's SUBMITs refused for a pack that differs: each compiles
 * again, and the form says so.
 */
export function PackFields({ recompile }: { recompile: number }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const period = Form.useWatch<string | undefined>('period', form)?.trim();
  const [asked, setAsked] = useState<string>();
  // compile once the typing has paused
  useEffect(() => {
    const timer = setTimeout(() => setAsked(period || undefined), 400);
    return () => clearTimeout(timer);
  }, [period]);
  const pack = useApi<ReviewPack>(asked ? `/management-review/pack?period=${encodeURIComponent(asked)}` : null);
  const { reload } = pack;
  useEffect(() => {
    if (recompile) reload();
  }, [recompile, reload]);
  useEffect(() => {
    form.setFieldValue('pack', pack.data && pack.data.period.label === asked ? pack.data : undefined);
  }, [form, pack.data, asked]);
  return (
    <>
      <Alert type="info" showIcon title={t('pack.hint')} style={{ marginBottom: 12 }} />
      <Form.Item label={t('pack.period')} extra={t('pack.periodHint')} required>
        <Flex gap={8}>
          <Form.Item name="period" noStyle rules={[{ required: true, whitespace: true }]}>
            <Input placeholder="2026" />
          </Form.Item>
          <Button icon={<ReloadOutlined />} disabled={!asked} loading={pack.loading} onClick={reload}>
            {t('pack.recompile')}
          </Button>
        </Flex>
      </Form.Item>
      {recompile > 0 && <Alert type="warning" showIcon title={t('pack.recompiled')} style={{ marginBottom: 12 }} />}
      {asked && <ErrorAlert error={pack.error} />}
      {asked && !pack.error && (
        <Form.Item name="pack" label={t('pack.title')} rules={[{ required: true, message: t('pack.compiling') }]}>
          <PackPreview />
        </Form.Item>
      )}
    </>
  );
}

/** The general manager's sign-off: the pack frozen at SUBMIT, from the instance's data. */
export function FrozenPack({ pack }: { pack: unknown }) {
  const { t } = useI18n();
  if (!pack) return <Alert type="warning" showIcon title={t('pack.frozenMissing')} style={{ marginBottom: 16 }} />;
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Title level={5}>{t('pack.frozen')}</Typography.Title>
      <PackPreview value={pack as ReviewPack} />
    </div>
  );
}

export function packData(v: { pack?: ReviewPack }): Record<string, unknown> {
  return { pack: v.pack };
}
