import { PROCEDURES } from '@satisflow/workflows';
import { lintProcedure } from './procedure-lint';

describe('the procedures in workflows/', () => {
  it.each(PROCEDURES.map((def) => [def.key, def] as const))('%s passes the procedure linter', (_key, def) => {
    expect(lintProcedure(def)).toEqual([]);
  });
});
