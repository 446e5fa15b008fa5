import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Flex, Form, Input, InputNumber } from 'antd';
import dayjs from 'dayjs';
import type { LocalText } from '../api/types';
import { useApi } from '../api/useApi';
import { PersonSelect } from '../components/PersonSelect';
import { useI18n } from '../i18n/I18nProvider';
import { hasEvidence, isPastDay, type EvidenceValues } from './actionData';
import { TEXT_FORMS, type TextForm } from './eventNeeds';

/** A step whose data is one text (the problem, the cause, the result, a complaint's resolution). */
export function TextStepField({ form }: { form: TextForm }) {
  const { t } = useI18n();
  const { field, label } = TEXT_FORMS[form];
  return (
    <Form.Item name={field} label={t(label)} rules={[{ required: true, whitespace: true }]}>
      <Input.TextArea rows={4} />
    </Form.Item>
  );
}

/** The list of actions: one input each, at least one. */
function ActionList() {
  const { t } = useI18n();
  return (
    <Form.List name="actions" initialValue={['']}>
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={8}>
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="start">
              <Form.Item name={field.name} rules={[{ required: true, whitespace: true, message: t('action.actionRequired') }]} noStyle>
                <Input.TextArea rows={1} autoSize style={{ flex: 1 }} />
              </Form.Item>
              {fields.length > 1 && <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => remove(field.name)} />}
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
            {t('action.addAction')}
          </Button>
          <Form.ErrorList errors={errors} />
        </Flex>
      )}
    </Form.List>
  );
}

/** actionPlan's SUBMIT: the actions, the owner who carries them out, and the date they are due (today or later). */
export function ActionPlanFields() {
  const { t } = useI18n();
  const notPast = async (_: unknown, day: dayjs.Dayjs | null | undefined) => {
    if (day && isPastDay(day, dayjs())) throw new Error(t('refusal.dueDate'));
  };
  return (
    <>
      <Form.Item label={t('action.actions')} required>
        <ActionList />
      </Form.Item>
      <Form.Item name="owner" label={t('action.owner')} extra={t('action.ownerHint')} rules={[{ required: true }]}>
        <PersonSelect />
      </Form.Item>
      <Form.Item name="dueDate" label={t('action.dueDate')} extra={t('action.dueDateHint')} rules={[{ required: true }, { validator: notPast }]}>
        <DatePicker disabledDate={(day) => isPastDay(day, dayjs())} />
      </Form.Item>
    </>
  );
}

/** EFFECTIVE's evidence: a verification, the next period's score, or both (or the comment: the engine takes it as the verification). */
export function EvidenceFields({ source }: { source?: unknown }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const evidence = async () => {
    const v = form.getFieldsValue(['verification', 'score', 'comment']) as EvidenceValues & { comment?: string };
    if (!hasEvidence(v, v.comment)) throw new Error(t('action.evidenceRequired'));
  };
  return (
    <>
      <NextScore source={source} onUse={(score) => form.setFieldValue('score', score)} />
      <Form.Item name="verification" label={t('action.verification')} extra={t('action.evidenceHint')} dependencies={['score', 'comment']} rules={[{ validator: evidence }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="score" label={t('action.score')}>
        <InputNumber min={0} max={100} style={{ width: 160 }} />
      </Form.Item>
    </>
  );
}

interface ItemSource {
  procedure: 'annual-satisfaction-survey';
  survey: string;
  item: string;
  itemTitle?: LocalText;
  index?: number | null;
}

function itemSource(source: unknown): ItemSource | undefined {
  const s = source as Partial<ItemSource> | undefined;
  return s?.procedure === 'annual-satisfaction-survey' && typeof s.survey === 'string' && typeof s.item === 'string' ? (s as ItemSource) : undefined;
}

/** For an action raised from a survey item: the item's score in the next survey that scored it, to use as the evidence. */
function NextScore({ source, onUse }: { source: unknown; onUse: (score: number) => void }) {
  const { t, local } = useI18n();
  const item = itemSource(source);
  const next = useApi<{ next: { survey: { title: string }; index: number | null; n: number } | null }>(
    item ? `/surveys/${item.survey}/items/${encodeURIComponent(item.item)}/next` : null,
  );
  if (!item || !next.data) return null;
  const found = next.data.next;
  const was = { item: local(item.itemTitle) || item.item, before: item.index ?? '—' };
  if (!found || found.index === null) return <Alert className="sf-next-score" type="info" showIcon title={t('action.noNextScore', was)} style={{ marginBottom: 12 }} />;
  const score = found.index;
  return (
    <Alert
      className="sf-next-score"
      type="success"
      showIcon
      title={t('action.nextScore', { ...was, after: score, survey: found.survey.title, n: found.n })}
      action={<Button size="small" onClick={() => onUse(score)}>{t('action.useScore')}</Button>}
      style={{ marginBottom: 12 }}
    />
  );
}
