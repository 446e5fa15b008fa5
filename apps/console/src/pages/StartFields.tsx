import { Form, Input } from 'antd';
import { IntakeFields } from '../actions/ComplaintFields';
import { INTAKE_FIELDS } from '../actions/complaintIntake';
import { PersonSelect } from '../components/PersonSelect';
import { useI18n } from '../i18n/I18nProvider';

/** The start data of the chosen procedure (see START_FIELDS): a complaint's record, an action's owner, a review's period, and the scope. */
export function StartFields({ procedure }: { procedure: string | undefined }) {
  const { t } = useI18n();
  return (
    <>
      {procedure === 'customer-complaint' && <IntakeFields required={INTAKE_FIELDS} />}
      {procedure === 'corrective-action' && (
        <Form.Item name="owner" label={t('action.owner')} extra={t('start.ownerHint')}>
          <PersonSelect />
        </Form.Item>
      )}
      {procedure === 'management-review' && (
        <Form.Item name="period" label={t('pack.period')} extra={t('start.periodHint')}>
          <Input placeholder="2026" />
        </Form.Item>
      )}
      <Form.Item name="scope" label={t('start.scope')} extra={t('start.scopeHint')}>
        <Input />
      </Form.Item>
    </>
  );
}
