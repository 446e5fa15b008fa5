import { Alert, Descriptions, Form, Input, List, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { getJson } from '../api/client';
import type { Instance, LocalText, Page, SurveyResults } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { useI18n } from '../i18n/I18nProvider';

interface CaseFigures {
  total: number;
  open: number;
  closed: number;
  overdue: number;
}

export interface ReviewPack {
  compiledAt: string;
  surveyReports: { instanceId: string; title: string; surveyId: string; overallIndex: number | null; grade: LocalText | null; returnRate: number | null }[];
  complaints: CaseFigures;
  correctiveActions: CaseFigures;
}

async function figures(procedure: string): Promise<CaseFigures> {
  const [all, active, completed] = await Promise.all(
    ['', '&status=active', '&status=completed'].map((filter) => getJson<Page<Instance>>(`/instances?procedure=${procedure}${filter}&pageSize=200`)),
  );
  return { total: all.total, open: active.total, closed: completed.total, overdue: active.items.filter((i) => i.openTasks.some((t) => t.overdue)).length };
}

/** Gathers the review inputs of domain section 6 from the system itself, so the pack is evidence, not retyped figures. */
async function compilePack(): Promise<ReviewPack> {
  const [surveys, complaints, correctiveActions] = await Promise.all([
    getJson<Page<Instance>>('/instances?procedure=annual-satisfaction-survey&status=completed&pageSize=200'),
    figures('customer-complaint'),
    figures('corrective-action'),
  ]);
  const surveyReports = await Promise.all(
    surveys.items
      .filter((i) => typeof i.data.surveyId === 'string')
      .map(async (i) => {
        const surveyId = i.data.surveyId as string;
        const r = await getJson<SurveyResults>(`/surveys/${surveyId}/results`);
        return { instanceId: i.id, title: i.title, surveyId, overallIndex: r.overall.index, grade: r.overall.grade?.label ?? null, returnRate: r.returnRate };
      }),
  );
  return { compiledAt: new Date().toISOString(), surveyReports, complaints, correctiveActions };
}

function PackPreview({ value }: { value?: ReviewPack }) {
  const { t, local } = useI18n();
  if (!value) return <Spin />;
  const cases = (f: CaseFigures) => (
    <>
      {t('pack.total', { n: f.total })} · {t('pack.open', { n: f.open })} · {t('pack.closed', { n: f.closed })} {f.overdue > 0 && <Tag color="error">{t('pack.overdue', { n: f.overdue })}</Tag>}
    </>
  );
  return (
    <Descriptions size="small" bordered column={1} className="sf-pack">
      <Descriptions.Item label={t('pack.surveys')}>
        {value.surveyReports.length === 0 ? (
          t('board.empty')
        ) : (
          <List size="small" dataSource={value.surveyReports} renderItem={(s) => <List.Item>{s.title} · {t('surveys.overall')} {s.overallIndex ?? '—'} {s.grade && <Tag color="blue">{local(s.grade)}</Tag>} · {t('surveys.returnRate')} {s.returnRate ?? '—'}%</List.Item>} />
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('pack.complaints')}>{cases(value.complaints)}</Descriptions.Item>
      <Descriptions.Item label={t('pack.actions')}>{cases(value.correctiveActions)}</Descriptions.Item>
    </Descriptions>
  );
}

/** The management-review input pack: compiled from the system when the dialog opens, frozen by the engine at SUBMIT. */
export function PackFields() {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    compilePack()
      .then((pack) => form.setFieldValue('pack', pack))
      .catch(setError);
  }, [form]);
  return (
    <>
      <Alert type="info" showIcon title={t('pack.hint')} style={{ marginBottom: 12 }} />
      <ErrorAlert error={error} />
      <Form.Item name="period" label={t('plan.period')} rules={[{ required: true }]}>
        <Input placeholder="2026" />
      </Form.Item>
      <Form.Item name="pack" label={t('pack.title')} rules={[{ required: true }]}>
        <PackPreview />
      </Form.Item>
      <Form.Item name="composite" label={t('pack.composite')}>
        <Input placeholder={t('pack.compositeHint')} />
      </Form.Item>
    </>
  );
}

export function packData(v: { period?: string; pack?: ReviewPack; composite?: string }): Record<string, unknown> {
  return { pack: { period: v.period, ...v.pack, ...(v.composite ? { composite: v.composite } : {}) } };
}
