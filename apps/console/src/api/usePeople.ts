import { createContext, useCallback, useContext, useMemo } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/** username → display name of every account, loaded once after login. */
export const PeopleContext = createContext<ReadonlyMap<string, string>>(new Map());

/** A person's display name for a username the records keep (the username while the names load). */
export function usePeople(): (username: string | null | undefined) => string {
  const names = useContext(PeopleContext);
  const { role } = useI18n();
  // `system` is who timers and other modules act as (workflows' actorName): no account, but a word in both languages
  return useCallback((username) => (!username ? '' : username === 'system' ? role('system') : (names.get(username) ?? username)), [names, role]);
}

/** Every account as username and display name, for picking a person. */
export function usePeopleList(): { username: string; displayName: string }[] {
  const names = useContext(PeopleContext);
  return useMemo(() => [...names].map(([username, displayName]) => ({ username, displayName })), [names]);
}
