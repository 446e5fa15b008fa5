import { FormOutlined, MailOutlined, NotificationOutlined, PhoneOutlined, TeamOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Flex, Form, Popconfirm, Row, Segmented, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { sendJson } from '../../api/client';
import { useApi } from '../../api/useApi';
import type { Instance, Recipient, Survey, SurveyResults } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FileImport } from '../../components/FileImport';
import { useLongAction } from '../../components/LongAction';
import type { Lang, TextKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/I18nProvider';
import { AnswerFields } from './AnswerFields';
import { ChangesCard } from './ChangesCard';
import { CompositeCard } from './CompositeCard';
import { DriversCard } from './DriversCard';
import { EntryModal } from './EntryModal';
import { GapCalculator } from './GapCalculator';
import { QuestionnaireBuilder } from './QuestionnaireBuilder';
import { RecipientsTable } from './RecipientsTable';
import { ReportPanel } from './ReportPanel';
import { ResultsCharts } from './ResultsCharts';
import { ReturnRate } from './ReturnRate';
import { SampleModal } from './SampleModal';
import { SlicesCard } from './SlicesCard';

const BEFORE_DISPATCH = new Set(['planning', 'planApproval', 'dispatching']);
const COLLECTING = new Set(['collecting', 'waiverApproval']);

/** Results, analysis and calculators of one survey. */
function ResultsTab({ survey, results }: { survey: Survey; results: SurveyResults }) {
  const { local } = useI18n();
  const titles = new Map<string, string>();
  for (const d of results.dimensions) {
    titles.set(d.key, local(d.title) || d.key);
    for (const i of d.items) titles.set(i.key, local(i.title) || i.key);
  }
  const titleOf = (key: string) => titles.get(key) ?? key;
  return (
    <>
      <ResultsCharts results={results} questionnaire={survey.questionnaire} />
      <Row gutter={16}>
        <Col xs={24} xl={12}><SlicesCard results={results} /></Col>
        <Col xs={24} xl={12}><DriversCard results={results} titleOf={titleOf} /></Col>
        <Col span={24}><ChangesCard results={results} titleOf={titleOf} /></Col>
        <Col xs={24} xl={10}><GapCalculator surveyId={survey.id} results={results} /></Col>
        <Col xs={24} xl={14}><CompositeCard surveyId={survey.id} title={survey.title} /></Col>
      </Row>
    </>
  );
}

function QuestionnaireTab({ survey }: { survey: Survey }) {
  const { lang } = useI18n();
  const [shown, setShown] = useState<Lang>(lang);
  if (!survey.questionnaire) return <Empty />;
  return (
    <>
      <Segmented<Lang> value={shown} onChange={setShown} options={[{ value: 'zh', label: '中文' }, { value: 'en', label: 'English' }]} style={{ marginBottom: 12 }} />
      <div className="sf-phone sf-phone-inline">
        <div className="sf-phone-head">{survey.title}</div>
        <Form layout="vertical" className="sf-phone-body">
          <AnswerFields questionnaire={survey.questionnaire} lang={shown} />
        </Form>
      </div>
    </>
  );
}

function SurveyDetail({ instance, survey, onChange }: { instance: Instance; survey: Survey; onChange: () => void }) {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const { message } = App.useApp();
  const run = useLongAction();
  const results = useApi<SurveyResults>(`/surveys/${survey.id}/results`);
  const recipients = useApi<Recipient[]>(`/surveys/${survey.id}/recipients`);
  const [modal, setModal] = useState<'sample' | 'entry' | null>(null);
  const [error, setError] = useState<unknown>();
  const reload = () => {
    results.reload();
    recipients.reload();
    onChange();
  };
  const coordinator = hasRole('coordinator');
  const mayManage = coordinator || hasRole('survey_manager');
  const list = recipients.data ?? [];
  const overdue = list.filter((r) => r.followUpOverdue).length;
  const longAction = (label: string, path: string, done: (r: Record<string, number>) => string) => async () => {
    setError(undefined);
    try {
      const r = await run(label, () => sendJson<Record<string, number>>('POST', path));
      void message.success(done(r));
      reload();
    } catch (e) {
      setError(e);
    }
  };

  const toolbar = (
    <Flex gap={8} wrap className="sf-survey-toolbar">
      {mayManage && BEFORE_DISPATCH.has(instance.state) && <Button icon={<TeamOutlined />} onClick={() => setModal('sample')}>{t('sample.title')}</Button>}
      {coordinator && instance.state === 'dispatching' && (
        // customers receive it and the follow-up clocks start: nothing to take back, so ask first
        <Popconfirm
          title={t('dispatch.confirm', { n: list.length })}
          description={t('dispatch.confirmSub')}
          okText={t('dispatch.confirmOk')}
          onConfirm={() => longAction(t('dispatch.running', { n: list.length }), `/surveys/${survey.id}/dispatch`, (r) => t('dispatch.done', { invited: r.invited, emails: r.emails, manual: r.manual }))()}
        >
          <Button type="primary" icon={<MailOutlined />} disabled={list.length === 0}>
            {t('dispatch.button', { n: list.length })}
          </Button>
        </Popconfirm>
      )}
      {coordinator && COLLECTING.has(instance.state) && (
        <>
          <Button type="primary" icon={<PhoneOutlined />} onClick={() => setModal('entry')}>{t('entry.title')}</Button>
          <Popconfirm title={t('remind.confirm')} okText={t('remind.confirmOk')} onConfirm={() => longAction(t('remind.running'), `/surveys/${survey.id}/remind`, (r) => t('remind.done', { n: r.reminded ?? 0 }))()}>
            <Button icon={<NotificationOutlined />}>{t('remind.button')}</Button>
          </Popconfirm>
          <FileImport<{ imported: number }> path={`/surveys/${survey.id}/responses/import`} label={t('import.answers')} describe={(r) => t('import.answersDone', { n: r.imported })} onDone={reload} />
        </>
      )}
    </Flex>
  );

  return (
    <>
      <ErrorAlert error={error ?? results.error ?? recipients.error} />
      {toolbar}
      {results.data && <ReturnRate results={results.data} />}
      <Tabs
        items={[
          { key: 'recipients', label: `${t('surveys.recipients')} (${list.length})`, children: <RecipientsTable surveyId={survey.id} recipients={list} canFollowUp={coordinator} onChange={reload} /> },
          {
            key: 'followUps',
            label: <>{t('followUp.tab')} {overdue > 0 && <Tag color="error">{overdue}</Tag>}</>,
            children: <RecipientsTable surveyId={survey.id} recipients={list} canFollowUp={coordinator} onChange={reload} onlyOverdue />,
          },
          { key: 'results', label: t('surveys.results'), children: results.data ? <ResultsTab survey={survey} results={results.data} /> : <Empty /> },
          { key: 'report', label: t('report.tab'), children: <ReportPanel surveyId={survey.id} /> },
          { key: 'questionnaire', label: t('builder.questionnaire'), children: <QuestionnaireTab survey={survey} /> },
        ]}
      />
      {modal === 'sample' && <SampleModal surveyId={survey.id} onClose={() => setModal(null)} onSampled={reload} />}
      {modal === 'entry' && survey.questionnaire && (
        <EntryModal surveyId={survey.id} questionnaire={survey.questionnaire} recipients={list} onClose={() => setModal(null)} onEntered={() => { setModal(null); reload(); }} />
      )}
    </>
  );
}

/** The survey of a survey-plan instance: questionnaire, recipients, collection, results, report. */
export function SurveyPanel({ instance, onChange }: { instance: Instance; onChange: () => void }) {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const surveys = useApi<Survey[]>(`/surveys?instanceId=${instance.id}`);
  const [building, setBuilding] = useState(false);
  const listed = surveys.data?.[0];
  const full = useApi<Survey>(listed ? `/surveys/${listed.id}` : null);
  const survey = full.data;
  const mayDesign = hasRole('survey_manager') && instance.state === 'planning';
  return (
    <Card
      className="sf-survey-panel"
      title={survey ? <>{t('instance.survey')} · {survey.title} {survey.status && <Tag>{t(`surveyStatus.${survey.status}` as TextKey)}</Tag>}</> : t('instance.survey')}
      style={{ marginBottom: 16 }}
    >
      <ErrorAlert error={surveys.error ?? full.error} />
      {survey ? (
        <SurveyDetail instance={instance} survey={survey} onChange={onChange} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('surveys.none')}>
          {mayDesign && <Button type="primary" icon={<FormOutlined />} onClick={() => setBuilding(true)}>{t('builder.title')}</Button>}
        </Empty>
      )}
      {building && (
        <QuestionnaireBuilder
          instanceId={instance.id}
          instanceTitle={instance.title}
          onClose={() => setBuilding(false)}
          onCreated={() => {
            setBuilding(false);
            surveys.reload();
          }}
        />
      )}
    </Card>
  );
}
