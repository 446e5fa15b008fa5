import { Select } from 'antd';
import { usePeopleList } from '../api/usePeople';
import { useI18n } from '../i18n/I18nProvider';

/**
 * Picks a person by display name or username; the value is the username the procedures keep.
 * GET /people names every account but not its roles, so the server decides who may hold the task.
 */
export function PersonSelect({ value, onChange, id }: { value?: string; onChange?: (username: string | undefined) => void; id?: string }) {
  const { t } = useI18n();
  const people = usePeopleList();
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear
      showSearch={{ optionFilterProp: 'search' }}
      placeholder={t('person.placeholder')}
      options={people.map((p) => ({ value: p.username, label: `${p.displayName} (${p.username})`, search: `${p.displayName} ${p.username}` }))}
    />
  );
}
