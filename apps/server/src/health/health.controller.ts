import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '@satisflow/identity';
import { AppConfig } from '@satisflow/config';
import { says } from '@satisflow/http';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  async health() {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableException(says('the database is down (not reachable)', '数据库已停止服务（无法连接）'));
    }
    return { status: 'ok', db: 'up', dialect: this.config.dialect };
  }
}
