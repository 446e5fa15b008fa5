import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { UsersService } from './users.service';

/**
 * Who is who, for every signed-in user: records and tasks keep usernames, and
 * people want to read the names they know (user administration stays admin-only).
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list() {
    return this.users.names();
  }
}
