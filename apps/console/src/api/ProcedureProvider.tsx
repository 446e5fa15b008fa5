import { useEffect, useState, type ReactNode } from 'react';
import { getJson } from './client';
import type { ProcedureDetail, ProcedureSummary } from './types';
import { ProcedureContext, type ProcedureCatalog } from './useProcedures';

export function ProcedureProvider({ children }: { children: ReactNode }) {
  const [catalog, setCatalog] = useState<ProcedureCatalog>({ list: [], details: {} });
  useEffect(() => {
    let live = true;
    (async () => {
      const list = await getJson<ProcedureSummary[]>('/procedures');
      const details = await Promise.all(list.map((p) => getJson<ProcedureDetail>(`/procedures/${encodeURIComponent(p.key)}`)));
      if (live) setCatalog({ list, details: Object.fromEntries(details.map((d) => [d.key, d])) });
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return <ProcedureContext.Provider value={catalog}>{children}</ProcedureContext.Provider>;
}
