import { BadRequestException } from '@nestjs/common';
import { says, type LocalMessage } from '@satisflow/http';
import type { FieldProblem } from '@satisflow/validation';
import { readTabularFile, TabularFileError, type TabularRow } from './tabular-file';

/** A problem of the row a spreadsheet shows as `line`. */
export type RowProblem = FieldProblem & { line: number };

/** A whole file refused: 400 naming every bad line, field and rule; nothing was written. */
export function rejectFile(problems: RowProblem[], what: LocalMessage): never {
  const shown = problems.slice(0, 200);
  const [first] = problems;
  throw new BadRequestException({
    ...says(
      `${what.en} rejected, nothing imported: ${problems.length} problem(s), first on line ${first.line} (${first.field}: ${first.message.en})`,
      `${what.zh}未通过检查，未导入任何数据：共 ${problems.length} 处问题，第一处在第 ${first.line} 行（${first.field}：${first.message.zh}）`,
    ),
    details: shown,
  });
}

/** The file's rows; a file that cannot be read at all is refused like a bad row, on the line where reading stopped. */
export async function readRowsOrReject(file: Buffer, what: LocalMessage): Promise<TabularRow[]> {
  try {
    return await readTabularFile(file);
  } catch (error) {
    if (error instanceof TabularFileError) rejectFile([{ line: error.line, field: 'file', rule: 'readable', message: error.text }], what);
    throw error;
  }
}
