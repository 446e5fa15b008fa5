import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input, InputNumber } from 'antd';
import dayjs from 'dayjs';
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
export function EvidenceFields() {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const evidence = async () => {
    const v = form.getFieldsValue(['verification', 'score', 'comment']) as EvidenceValues & { comment?: string };
    if (!hasEvidence(v, v.comment)) throw new Error(t('action.evidenceRequired'));
  };
  return (
    <>
      <Form.Item name="verification" label={t('action.verification')} extra={t('action.evidenceHint')} dependencies={['score', 'comment']} rules={[{ validator: evidence }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="score" label={t('action.score')}>
        <InputNumber min={0} max={100} style={{ width: 160 }} />
      </Form.Item>
    </>
  );
}
