import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Clock } from '@satisflow/config';
import type { Actor } from '@satisflow/identity';
import { compositeScore, GradeBand, ScoringError } from '@satisflow/scoring';
import type { CreateCompositeDto } from './dto/survey.dto';
import { CompositeEntity } from './entities/composite.entity';
import { ResultsService } from './results.service';

@Injectable()
export class CompositesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly results: ResultsService,
    private readonly clock: Clock,
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
    let result;
    try {
      result = compositeScore({
        sources,
        generalComplaints: dto.generalComplaints ?? 0,
        majorIncidents: dto.majorIncidents ?? 0,
        ...(dto.bands ? { bands: dto.bands as GradeBand[] } : {}),
      });
    } catch (error) {
      if (error instanceof ScoringError) throw new BadRequestException({ message: error.message, details: [{ field: 'sources', rule: error.code, message: error.message }] });
      throw error;
    }
    const entity = { id: randomUUID(), title: dto.title, period: dto.period ?? null, input: dto, result: result as unknown as Record<string, unknown>, createdBy: actor.id, createdAt: this.clock.now() };
    await this.ds.getRepository(CompositeEntity).insert(entity as QueryDeepPartialEntity<CompositeEntity>);
    return this.view(entity);
  }

  async get(id: string) {
    const entity = await this.ds.getRepository(CompositeEntity).findOne({ where: { id } });
    if (!entity) throw new NotFoundException(`composite ${id} not found`);
    return this.view(entity);
  }

  private view(e: CompositeEntity) {
    return { id: e.id, title: e.title, period: e.period, ...e.result, createdAt: e.createdAt.toISOString() };
  }
}
