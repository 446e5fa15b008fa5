import { MigrationInterface, QueryRunner, Table } from 'typeorm';
// Relative, not '@satisflow/surveys': these two files are free of Nest and of this library, so no import cycle.
import { recountSurvey, tallyLayout } from '../../../surveys/src/answer-tallies';
import { resolveQuestionnaire } from '../../../surveys/src/questionnaire';
import { col, isMysql } from '../portable-columns';

/**
 * Running tallies of answers (per survey, slice, item and level) and of
 * (dimension index, overall) pairs, so results read a few hundred rows instead
 * of every answer; backfilled here from the answers already stored.
 */
export class AnswerTallies1764000000500 implements MigrationInterface {
  name = 'AnswerTallies1764000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'answer_counts',
        columns: [
          { ...col.ref('survey_id'), isPrimary: true },
          // '' = the whole survey; otherwise the recipients column the survey is sliced by
          { ...col.str('slice_key', 16), isPrimary: true },
          { ...col.str('slice_value', 100), isPrimary: true },
          { ...col.str('item_key', 64), isPrimary: true },
          // '' = not applicable
          { ...col.str('level_key', 64), isPrimary: true },
          col.int('n'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'score_pairs',
        columns: [
          { ...col.ref('survey_id'), isPrimary: true },
          { ...col.str('dimension_key', 64), isPrimary: true },
          // a respondent's dimension index (rounded to 9 decimals) and overall points
          { name: 'idx', type: 'double', isPrimary: true },
          { name: 'overall', type: 'double', isPrimary: true },
          col.int('n'),
        ],
      }),
    );
    const dialect = isMysql(q) ? 'mysql' : 'sqlite';
    const surveys: { id: string; questionnaire: string }[] = await q.query('SELECT id, questionnaire FROM surveys WHERE id IN (SELECT survey_id FROM responses)');
    for (const s of surveys) {
      const { resolved } = resolveQuestionnaire(JSON.parse(s.questionnaire));
      if (!resolved) throw new Error(`survey ${s.id} has an invalid stored questionnaire`);
      await recountSurvey(q, dialect, tallyLayout(resolved), s.id);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('score_pairs');
    await q.dropTable('answer_counts');
  }
}
