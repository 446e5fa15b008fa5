import { useProcedures } from '../api/useProcedures';
import { useI18n } from '../i18n/I18nProvider';

/** Titles of procedures and their states in the current language. */
export function useLabels() {
  const { list, details } = useProcedures();
  const { local, t } = useI18n();
  return {
    procedure: (key: string) => local(list.find((p) => p.key === key)?.title) || key,
    // `cancelled` is the engine's own state of a cancelled instance, in no procedure's steps
    state: (procedure: string, state: string | null | undefined) =>
      state === 'cancelled' ? t('status.cancelled') : state ? local(details[procedure]?.states.find((s) => s.id === state)?.title) || state : '',
    stepOf: (procedure: string, state: string) => details[procedure]?.states.find((s) => s.id === state),
  };
}
