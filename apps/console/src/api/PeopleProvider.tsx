import { useEffect, useState, type ReactNode } from 'react';
import { getJson } from './client';
import { PeopleContext } from './usePeople';

export function PeopleProvider({ children }: { children: ReactNode }) {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    getJson<{ username: string; displayName: string }[]>('/people')
      .then((people) => live && setNames(new Map(people.map((p) => [p.username, p.displayName]))))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return <PeopleContext.Provider value={names}>{children}</PeopleContext.Provider>;
}
