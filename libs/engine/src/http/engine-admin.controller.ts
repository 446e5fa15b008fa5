import { Body, Controller, Get, HttpCode, NotFoundException, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '@satisflow/config';
import { Roles } from '@satisflow/identity';
import { testClockOff } from '../engine-messages';
import { CalendarService } from '../time/calendar.service';
import { ClockSync } from '../worker/clock-sync';
import { EngineWorker } from '../worker/engine-worker';
import { AdvanceClockDto, CalendarDto } from './instance.dto';

@ApiTags('settings')
@ApiBearerAuth()
@Controller()
export class EngineAdminController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly config: AppConfig,
    private readonly clockSync: ClockSync,
    private readonly worker: EngineWorker,
  ) {}

  @Get('settings/calendar')
  getCalendar() {
    return this.calendar.get();
  }

  @Roles('admin')
  @Put('settings/calendar')
  setCalendar(@Body() dto: CalendarDto) {
    return this.calendar.set({ utcOffsetMinutes: dto.utcOffsetMinutes, holidays: dto.holidays, extraWorkdays: dto.extraWorkdays });
  }

  /** Moves the engine clock and runs the worker once (TEST_CLOCK=1 only): how tests pass deadlines for real. */
  @Roles('admin')
  @Post('test/clock')
  @HttpCode(200)
  async advance(@Body() dto: AdvanceClockDto) {
    if (!this.config.TEST_CLOCK) throw new NotFoundException(testClockOff);
    const offsetMs = await this.clockSync.advance(dto.advanceMs);
    if (this.config.runsWorker) await this.worker.runOnce();
    return { offsetMs, now: new Date(Date.now() + offsetMs).toISOString() };
  }

  @Roles('admin')
  @Post('test/worker/run')
  @HttpCode(200)
  async runWorker() {
    if (!this.config.TEST_CLOCK) throw new NotFoundException(testClockOff);
    await this.worker.runOnce();
    return { ok: true };
  }
}
