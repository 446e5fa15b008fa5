import { Body, Controller, Get, Headers, HttpCode, NotFoundException, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@satisflow/identity';
import { PublicResponseDto } from '../dto/survey.dto';
import { ResponsesService } from '../responses.service';
import { formPage, messagePage, pickLang } from './respondent-page';

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/** The respondent's side: a personal link opens the form; one answer per link. No login. */
@ApiTags('respondents')
@Public()
@Controller()
export class PublicFormController {
  constructor(private readonly responses: ResponsesService) {}

  @Get('r/:token')
  @ApiExcludeEndpoint()
  async form(
    @Param('token') token: string,
    @Query('lang') langParam: unknown,
    @Query('done') done: unknown,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ) {
    const lang = pickLang(langParam, acceptLanguage);
    res.type('html').set('Cache-Control', 'no-store').set('Referrer-Policy', 'no-referrer');
    if (!TOKEN.test(token)) return res.status(404).send(messagePage(lang, 'invalid'));
    try {
      const { survey, recipient, resolved } = await this.responses.formFor(token);
      if (done === 'thanks') return res.send(messagePage(lang, 'thanks', survey.title));
      if (recipient.status === 'answered') return res.send(messagePage(lang, 'already', survey.title));
      return res.send(formPage(lang, token, survey.title, resolved));
    } catch (error) {
      if (error instanceof NotFoundException) return res.status(404).send(messagePage(lang, 'invalid'));
      throw error;
    }
  }

  @Post('responses/:token')
  @HttpCode(201)
  submit(@Param('token') token: string, @Body() dto: PublicResponseDto) {
    if (!TOKEN.test(token)) throw new NotFoundException('this survey link is not valid');
    return this.responses.submitPublic(token, dto.answers, dto.comment);
  }
}
