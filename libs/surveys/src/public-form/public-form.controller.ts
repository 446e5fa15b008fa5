import { Body, Controller, Get, Header, Headers, HttpCode, NotFoundException, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@satisflow/identity';
import { PublicResponseDto } from '../dto/survey.dto';
import { ResponsesService } from '../responses.service';
import { INVALID_LINK } from '../survey-messages';
import { formPage, messagePage, pickLang } from './respondent-page';

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/** An unknown link is a 404 a person can read, not the API's JSON error. */
function invalidLink(res: FastifyReply, lang: Parameters<typeof messagePage>[0]): string {
  res.status(404);
  return messagePage(lang, 'invalid');
}

/** The respondent's side: a personal link opens the form; one answer per link. No login. */
@ApiTags('respondents')
@Public()
@Controller()
export class PublicFormController {
  constructor(private readonly responses: ResponsesService) {}

  @Get('r/:token')
  @ApiExcludeEndpoint()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  async form(
    @Param('token') token: string,
    @Query('lang') langParam: unknown,
    @Query('done') done: unknown,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<string> {
    const lang = pickLang(langParam, acceptLanguage);
    if (!TOKEN.test(token)) return invalidLink(res, lang);
    try {
      const { survey, recipient, resolved, open } = await this.responses.formFor(token);
      if (done === 'thanks') return messagePage(lang, 'thanks', survey.title);
      if (recipient.status === 'answered') return messagePage(lang, 'already', survey.title);
      // collection over (or paused): a form the customer would fill in for nothing is not offered
      if (!open) return messagePage(lang, 'closed', survey.title);
      return formPage(lang, token, survey.title, resolved);
    } catch (error) {
      if (error instanceof NotFoundException) return invalidLink(res, lang);
      throw error;
    }
  }

  @Post('responses/:token')
  @HttpCode(201)
  submit(@Param('token') token: string, @Body() dto: PublicResponseDto) {
    if (!TOKEN.test(token)) throw new NotFoundException(INVALID_LINK);
    return this.responses.submitPublic(token, dto.answers, dto.comment);
  }
}
