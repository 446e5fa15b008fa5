import { Form, Radio, Typography } from 'antd';
import type { QuestionItem, Questionnaire } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import type { Lang } from '../../i18n/dictionary';
import { levelsOf } from './scale';

export const NOT_APPLICABLE = '__na__';

/**
 * The questionnaire as a respondent sees it: one row of answer buttons per item,
 * grouped by dimension. Used for the builder's preview and for entering
 * phone/fax/visit answers, so both show what the public form asks.
 */
export function AnswerFields({ questionnaire, lang, name = 'answers' }: { questionnaire: Questionnaire; lang?: Lang; name?: string }) {
  const i18n = useI18n();
  const shown = lang ?? i18n.lang;
  const row = (item: QuestionItem, n: number) => (
    <Form.Item key={`${item.key}-${n}`} name={[name, item.key]} label={item.title?.[shown] || item.key} className="sf-q-item">
      <Radio.Group optionType="button" buttonStyle="solid">
        {levelsOf(questionnaire.scale, item).map((l) => (
          <Radio.Button key={l.key} value={l.key}>
            {l.label[shown]}
          </Radio.Button>
        ))}
        <Radio.Button value={NOT_APPLICABLE}>{shown === 'zh' ? '不适用' : 'N/A'}</Radio.Button>
      </Radio.Group>
    </Form.Item>
  );
  return (
    <>
      {questionnaire.dimensions.map((d, di) => (
        <div key={`${d.key}-${di}`} className="sf-q-dimension">
          <Typography.Title level={5} className="sf-q-dimension-title">
            {d.title?.[shown] || d.key}
          </Typography.Title>
          {d.items.map(row)}
        </div>
      ))}
      {questionnaire.overallItem?.key && <div className="sf-q-dimension sf-q-overall">{row(questionnaire.overallItem, 0)}</div>}
    </>
  );
}

/** Form values → the API's answers: unanswered items are left out, N/A becomes null. */
export function answersOf(values: Record<string, string | undefined> | undefined): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [key, v] of Object.entries(values ?? {})) if (v !== undefined) out[key] = v === NOT_APPLICABLE ? null : v;
  return out;
}
