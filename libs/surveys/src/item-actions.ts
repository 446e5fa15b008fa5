import { Injectable } from '@nestjs/common';
import { CalendarService, Dispatcher, InstanceEntity, InstanceQueries, ProcedureRegistry, type InstanceView } from '@satisflow/engine';
import type { Actor } from '@satisflow/identity';
import { isUniqueViolation, TransactionRunner } from '@satisflow/persistence';
import { ResultsService } from './results.service';

const CORRECTIVE_ACTION = 'corrective-action';
/** `item-action:<n>:<item key>`: item keys are free text (up to 64 characters), so the number goes first. */
const KEY_PREFIX = 'item-action:';

function itemOfKey(parentKey: string | null): string | undefined {
  const m = parentKey?.startsWith(KEY_PREFIX) ? /^(\d+):(.*)$/s.exec(parentKey.slice(KEY_PREFIX.length)) : null;
  return m?.[2];
}

/**
 * A corrective action raised from a survey item (domain.md section 5: "raised from a
 * low-scoring item"), linked to the survey's plan as its child, its `source` naming the
 * survey, the item and the index it had. One per item and survey: asking again answers
 * the one already raised, unless that one was cancelled (a withdrawn duplicate).
 */
@Injectable()
export class ItemCorrectiveActions {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly results: ResultsService,
    private readonly dispatcher: Dispatcher,
    private readonly registry: ProcedureRegistry,
    private readonly calendar: CalendarService,
    private readonly instances: InstanceQueries,
  ) {}

  async raise(surveyId: string, item: string, actor: Actor, title?: string): Promise<{ created: boolean; instance: InstanceView }> {
    try {
      return await this.raiseOnce(surveyId, item, actor, title);
    } catch (error) {
      // another request raised it between our read and our insert (the key is unique per plan): answer that one
      if (isUniqueViolation(error)) return this.raiseOnce(surveyId, item, actor, title);
      throw error;
    }
  }

  private async raiseOnce(surveyId: string, item: string, actor: Actor, title?: string): Promise<{ created: boolean; instance: InstanceView }> {
    const figure = await this.results.itemFigure(surveyId, item);
    const { survey } = figure;
    const def = this.registry.latest(CORRECTIVE_ACTION);
    const calendar = await this.calendar.get();
    const { id, created } = await this.tx.run(async (m) => {
      // a plan has a handful of children (routed complaints, these): read them all, keys parsed here
      const children = await m.find(InstanceEntity, { where: { parentId: survey.instanceId }, select: { id: true, status: true, parentKey: true } });
      const raised = children.filter((c) => itemOfKey(c.parentKey) === item);
      const live = raised.find((r) => r.status !== 'cancelled');
      if (live) return { id: live.id, created: false };
      const started = await this.dispatcher.startIn(
        m,
        def,
        {
          procedure: CORRECTIVE_ACTION,
          title: title ?? `纠正措施：${figure.title.zh}（${survey.title}）`.slice(0, 200),
          data: {
            source: {
              procedure: 'annual-satisfaction-survey',
              instanceId: survey.instanceId,
              survey: surveyId,
              surveyTitle: survey.title,
              period: survey.period,
              item,
              itemTitle: figure.title,
              index: figure.index,
              n: figure.n,
            },
          },
        },
        actor,
        calendar,
        // keys stay unique per parent: the one after a cancelled one takes the next number
        { parent: { parentId: survey.instanceId, parentKey: `${KEY_PREFIX}${raised.length + 1}:${item}` } },
      );
      return { id: started.id, created: true };
    });
    return { created, instance: await this.instances.get(id, actor) };
  }
}
