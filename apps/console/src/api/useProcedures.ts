import { createContext, useContext } from 'react';
import type { ProcedureDetail, ProcedureSummary } from './types';

/** Procedure definitions loaded once after login: titles of procedures and states everywhere. */
export interface ProcedureCatalog {
  list: ProcedureSummary[];
  details: Record<string, ProcedureDetail>;
}

export const ProcedureContext = createContext<ProcedureCatalog>({ list: [], details: {} });

export function useProcedures(): ProcedureCatalog {
  return useContext(ProcedureContext);
}
