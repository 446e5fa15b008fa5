import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { UuidPipe } from '@satisflow/validation';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { Roles } from './guards/decorators';
import { ROLES } from './roles';
import { toUserView, UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  async list() {
    return (await this.users.list()).map(toUserView);
  }

  @Get('roles')
  roles() {
    return Object.entries(ROLES).map(([key, title]) => ({ key, title }));
  }

  @Get(':id')
  async get(@Param('id', UuidPipe) id: string) {
    return toUserView(await this.users.get(id));
  }

  @Post()
  async create(@Body() dto: CreateUserDto) {
    return toUserView(await this.users.create(dto));
  }

  @Patch(':id')
  async update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateUserDto) {
    return toUserView(await this.users.update(id, dto));
  }

  @Post(':id/disable')
  @HttpCode(200)
  async disable(@Param('id', UuidPipe) id: string) {
    return toUserView(await this.users.setDisabled(id, true));
  }

  @Post(':id/enable')
  @HttpCode(200)
  async enable(@Param('id', UuidPipe) id: string) {
    return toUserView(await this.users.setDisabled(id, false));
  }
}
