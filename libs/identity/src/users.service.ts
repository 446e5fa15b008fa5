import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { says } from '@satisflow/http';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { Clock } from '@satisflow/config';
import { isUniqueViolation, type Statement } from '@satisflow/persistence';
import type { CreateUserDto, RoleGrantDto, UpdateUserDto } from './dto/user.dto';
import { PasswordHasher } from './password-hasher';
import type { Actor, RoleGrant, RoleKey } from './roles';
import { UserRoleEntity } from './user-role.entity';
import { UserEntity } from './user.entity';

export interface UserView extends Actor {
  disabled: boolean;
  locale: string | null;
  createdAt: Date;
}

function toGrant(r: { role: RoleKey; scope: string | null }): RoleGrant {
  return r.scope ? { role: r.role, scope: r.scope } : { role: r.role };
}

type ActorRow = { id: string; username: string; display_name: string; role: RoleKey | null; scope: string | null };

const ACTIVE_ACTOR = 'SELECT u.id, u.username, u.display_name, r.role, r.scope FROM users u LEFT JOIN user_roles r ON r.user_id = u.id WHERE u.disabled = 0';

/**
 * The actor behind a token, read on every authenticated request: one joined query
 * instead of TypeORM's relation load (two queries and its entity mapping). A statement,
 * so a unit of work can read it with its own first rows in one round trip (AccountInUnit).
 */
export function activeActorQuery(id: string): Statement {
  return { sql: `${ACTIVE_ACTOR} AND u.id = ?`, params: [id] };
}

/** activeActorQuery for a username someone submitted (e.g. the handler a complaint is dispatched to). */
export function activeActorNamedQuery(username: string): Statement {
  return { sql: `${ACTIVE_ACTOR} AND u.username = ?`, params: [username] };
}

/** The rows of activeActorQuery as an Actor; null when the account is gone or disabled. */
export function actorFromRows(rows: unknown[]): Actor | null {
  const found = rows as ActorRow[];
  if (found.length === 0) return null;
  const roles = found.flatMap((r) => (r.role === null ? [] : [toGrant({ role: r.role, scope: r.scope })]));
  return { id: found[0].id, username: found[0].username, displayName: found[0].display_name, roles };
}

export function toActor(user: UserEntity): Actor {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles.map(toGrant),
  };
}

export function toUserView(user: UserEntity): UserView {
  return Object.assign(toActor(user), { disabled: user.disabled, locale: user.locale, createdAt: user.createdAt });
}

const usernameTaken = (username: string) => says(`username ${username} is taken`, `用户名 ${username} 已被占用`);

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  count(): Promise<number> {
    return this.users.count();
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { username } });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { id } });
  }

  /** The actor behind a token (see activeActorQuery); null when the account is gone or disabled. */
  async activeActor(id: string): Promise<Actor | null> {
    const q = activeActorQuery(id);
    return actorFromRows(await this.users.manager.query(q.sql, q.params));
  }

  /** The password hash of an active account, for re-authentication at signing (one lean query). */
  async activePasswordHash(id: string): Promise<string | null> {
    const rows: { password_hash: string }[] = await this.users.manager.query('SELECT password_hash FROM users WHERE id = ? AND disabled = 0', [id]);
    return rows[0]?.password_hash ?? null;
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.findById(id);
    if (!user) throw new NotFoundException(says(`user ${id} not found`, `用户 ${id} 不存在`));
    return user;
  }

  list(): Promise<UserEntity[]> {
    return this.users.find({ order: { username: 'ASC' } });
  }

  /** Every account's username and display name, disabled ones too: old records name them. */
  async names(): Promise<{ username: string; displayName: string }[]> {
    const rows: { username: string; display_name: string }[] = await this.users.manager.query('SELECT username, display_name FROM users ORDER BY username');
    return rows.map((r) => ({ username: r.username, displayName: r.display_name }));
  }

  async create(dto: CreateUserDto): Promise<UserEntity> {
    const now = this.clock.now();
    const id = randomUUID();
    const user = this.users.create({
      id,
      username: dto.username,
      displayName: dto.displayName,
      passwordHash: await this.hasher.hash(dto.password),
      disabled: false,
      locale: dto.locale ?? null,
      roles: this.grants(id, dto.roles),
      createdAt: now,
      updatedAt: now,
    });
    try {
      await this.users.save(user);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException(usernameTaken(dto.username));
      throw error;
    }
    return this.get(id);
  }

  async update(id: string, dto: UpdateUserDto): Promise<UserEntity> {
    const user = await this.get(id);
    if (dto.username !== undefined) user.username = dto.username;
    if (dto.displayName !== undefined) user.displayName = dto.displayName;
    if (dto.locale !== undefined) user.locale = dto.locale;
    if (dto.password !== undefined) user.passwordHash = await this.hasher.hash(dto.password);
    if (dto.roles !== undefined) user.roles = this.grants(id, dto.roles);
    user.updatedAt = this.clock.now();
    try {
      await this.users.save(user);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException(usernameTaken(user.username));
      throw error;
    }
    return this.get(id);
  }

  async setDisabled(id: string, disabled: boolean): Promise<UserEntity> {
    const user = await this.get(id);
    await this.users.update({ id }, { disabled, updatedAt: this.clock.now() });
    return { ...user, disabled };
  }

  private grants(userId: string, roles: RoleGrantDto[]): UserRoleEntity[] {
    const seen = new Set<string>();
    return roles
      .filter((g) => {
        const k = `${g.role}@${g.scope ?? ''}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      })
      .map((g) => Object.assign(new UserRoleEntity(), { id: randomUUID(), userId, role: g.role, scope: g.scope ?? null }));
  }
}
