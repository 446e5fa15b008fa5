import { BadRequestException } from '@nestjs/common';

export interface RowProblem {
  line: number;
  field: string;
  rule: string;
  message: string;
}

/** A whole file refused: 400 naming every bad line, field and rule; nothing was written. */
export function rejectFile(problems: RowProblem[], what: string): never {
  const shown = problems.slice(0, 200);
  throw new BadRequestException({
    message: `${what} rejected, nothing imported: ${problems.length} problem(s), first on line ${problems[0].line} (${problems[0].field}: ${problems[0].message})`,
    details: shown,
  });
}
