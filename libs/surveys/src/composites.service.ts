import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Clock } from '@satisflow/config';
import { CalendarService, localYear } from '@satisflow/engine';
import { says } from '@satisflow/http';
import { dbTime, toInt } from '@satisflow/persistence';
import type { Actor } from '@satisflow/identity';
import { compositeScore, GradeBand, ScoringError } from '@satisflow/scoring';
import { complaintCounts } from './complaint-counts';
import type { CreateCompositeDto } from './dto/survey.dto';
import { CompositeEntity } from './entities/composite.entity';
import { scoringMessage } from './questionnaire';
import { ResultsService } from './results.service';

const COMPLAINT_PROCEDURE = 'customer-complaint';

@Injectable()
export class CompositesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly results: ResultsService,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
  ) {}

  async create(dto: CreateCompositeDto, actor: Actor) {
    const sources = await Promise.all(
      dto.sources.map(async (s) => ({
        key: s.key,
        ...(s.title ? { title: s.title } : {}),
        weight: s.weight,
        score: s.surveyId ? await this.results.overallIndex(s.surveyId) : (s.score ?? null),
      })),
    );
    const counted = dto.generalComplaints === undefined || dto.majorIncidents === undefined ? await this.complaintsIn(dto.period) : { general: 0, major: 0 };
    let result;
    try {
      result = compositeScore({
        sources,
        generalComplaints: dto.generalComplaints ?? counted.general,
        majorIncidents: dto.majorIncidents ?? counted.major,
        ...(dto.bands ? { bands: dto.bands as GradeBand[] } : {}),
      });
    } catch (error) {
      if (error instanceof ScoringError) {
        const message = scoringMessage(error);
        throw new BadRequestException({ message, details: [{ field: 'sources', rule: error.code, message }] });
      }
      throw error;
    }
    const entity = { id: randomUUID(), title: dto.title, period: dto.period ?? null, input: dto, result: result as unknown as Record<string, unknown>, createdBy: actor.id, createdAt: this.clock.now() };
    await this.ds.getRepository(CompositeEntity).insert(entity as QueryDeepPartialEntity<CompositeEntity>);
    return this.view(entity);
  }

  /**
   * The period's cases in the complaint procedure (api.md: the default of both counts):
   * cases opened in the calendar year the period names ("2026", "2026年度"), that year in the
   * company's time zone (the calendar setting's offset), as people date their cases. A case
   * whose concluded investigation found a quality accident with legal liability or media
   * exposure is a major incident, the others general complaints (complaint-counts.ts).
   * A period naming no year counts nothing; cancelled cases count nowhere.
   */
  private async complaintsIn(period: string | undefined): Promise<{ general: number; major: number }> {
    const year = /^(\d{4})/.exec(period ?? '')?.[1];
    if (!year) return { general: 0, major: 0 };
    const { from, to } = localYear(Number(year), await this.calendar.get());
    // a cancelled case (a duplicate, one raised by mistake) is no complaint of the period
    const inYear = "FROM instances i WHERE i.procedure_key = ? AND i.status <> 'cancelled' AND i.created_at >= ? AND i.created_at < ?";
    const params = [COMPLAINT_PROCEDURE, dbTime(this.ds.manager, from), dbTime(this.ds.manager, to)];
    const [row] = await this.ds.query(`SELECT COUNT(*) AS cases ${inYear}`, params);
    // only cases with a concluded investigation can be major: their stored context says how it was classified
    const concluded: { snapshot: string }[] = await this.ds.query(
      `SELECT i.snapshot ${inYear} AND EXISTS (SELECT 1 FROM audit_records a WHERE a.instance_id = i.id AND a.event = 'CONCLUDE')`,
      params,
    );
    return complaintCounts(toInt(row?.cases ?? 0), concluded.map((r) => JSON.parse(r.snapshot).context));
  }

  async get(id: string) {
    const entity = await this.ds.getRepository(CompositeEntity).findOne({ where: { id } });
    if (!entity) throw new NotFoundException(says(`composite ${id} not found`, `综合满意度 ${id} 不存在`));
    return this.view(entity);
  }

  private view(e: CompositeEntity) {
    return { id: e.id, title: e.title, period: e.period, ...e.result, createdAt: e.createdAt.toISOString() };
  }
}
