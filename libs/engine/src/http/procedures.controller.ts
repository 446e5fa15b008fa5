import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { attachment } from '@satisflow/http';
import { ROLES } from '@satisflow/identity';
import { describeProcedure, procedureDocument, procedureDocumentPdf, procedureForApi, toMermaid, toSvg } from '../definitions';
import { startersOf } from '../definitions/starters';
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
    const described = procedureForApi(def);
    return { ...described, purpose: def.purpose, roles: def.roles, starters: startersOf(def, described.initial), documentNo: def.documentNo };
  }

  @Get(':key/diagram')
  diagram(@Param('key') key: string, @Query() q: DiagramQueryDto): StreamableFile {
    const def = q.version ? this.registry.get(key, q.version) : this.registry.latest(key);
    const opts = { highlight: q.highlight, lang: q.lang, roleLabels: ROLES };
    const [type, text] = q.format === 'mermaid' ? ['text/plain; charset=utf-8', toMermaid(def, opts)] : ['image/svg+xml; charset=utf-8', toSvg(def, opts)];
    return new StreamableFile(Buffer.from(text), { type });
  }

  /** The controlled procedure document, generated from the running machine (Markdown or PDF). */
  @Get(':key/document')
  async document(@Param('key') key: string, @Query() q: DocumentQueryDto): Promise<StreamableFile> {
    const def = q.version ? this.registry.get(key, q.version) : this.registry.latest(key);
    const name = `${def.key}-v${def.version}-${q.lang}`;
    if (q.format === 'pdf') return attachment(await procedureDocumentPdf(def, { lang: q.lang, roleLabels: ROLES }), 'application/pdf', `${name}.pdf`);
    return attachment(Buffer.from(procedureDocument(def, { lang: q.lang, roleLabels: ROLES })), 'text/markdown; charset=utf-8', `${name}.md`);
  }
}
