import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ROLES } from '@satisflow/identity';
import { describeProcedure, procedureDocument, procedureDocumentPdf, procedureForApi, toMermaid, toSvg } from '../definitions';
import { ProcedureRegistry } from '../procedure-registry';
import { DiagramQueryDto, DocumentQueryDto } from './instance.dto';

@ApiTags('procedures')
@ApiBearerAuth()
@Controller('procedures')
export class ProceduresController {
  constructor(private readonly registry: ProcedureRegistry) {}

  @Get()
  list() {
    return this.registry.all().map((d) => ({
      key: d.key,
      version: d.version,
      title: d.title,
      states: describeProcedure(d).states.length,
    }));
  }

  @Get(':key')
  get(@Param('key') key: string) {
    const def = this.registry.latest(key);
    return { ...procedureForApi(def), purpose: def.purpose, roles: def.roles, documentNo: def.documentNo };
  }

  @Get(':key/diagram')
  diagram(@Param('key') key: string, @Query() q: DiagramQueryDto, @Res() res: Response) {
    const def = q.version ? this.registry.get(key, q.version) : this.registry.latest(key);
    const opts = { highlight: q.highlight, lang: q.lang, roleLabels: ROLES };
    if (q.format === 'mermaid') res.type('text/plain; charset=utf-8').send(toMermaid(def, opts));
    else res.type('image/svg+xml; charset=utf-8').send(toSvg(def, opts));
  }

  /** The controlled procedure document, generated from the running machine (Markdown or PDF). */
  @Get(':key/document')
  async document(@Param('key') key: string, @Query() q: DocumentQueryDto, @Res() res: Response) {
    const def = q.version ? this.registry.get(key, q.version) : this.registry.latest(key);
    if (q.format === 'pdf') {
      const pdf = await procedureDocumentPdf(def, { lang: q.lang, roleLabels: ROLES });
      res.type('application/pdf').attachment(`${def.key}-v${def.version}-${q.lang}.pdf`).send(pdf);
      return;
    }
    res
      .type('text/markdown; charset=utf-8')
      .attachment(`${def.key}-v${def.version}-${q.lang}.md`)
      .send(procedureDocument(def, { lang: q.lang, roleLabels: ROLES }));
  }
}
