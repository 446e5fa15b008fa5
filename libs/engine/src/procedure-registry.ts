import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { says } from '@satisflow/http';
import type { ProcedureDefinition } from './definitions/procedure-definition';
import { assertProcedureValid } from './definitions/procedure-lint';

export const PROCEDURE_DEFINITIONS = Symbol('PROCEDURE_DEFINITIONS');

/**
 * Every version of every procedure the server can run. New instances start on
 * the latest version; running instances keep the version they started with.
 * Each definition is linted when the server starts, so a broken procedure never runs.
 */
@Injectable()
export class ProcedureRegistry {
  private readonly byKey = new Map<string, Map<number, ProcedureDefinition>>();

  constructor(@Inject(PROCEDURE_DEFINITIONS) definitions: ProcedureDefinition[]) {
    for (const def of definitions) {
      assertProcedureValid(def);
      const versions = this.byKey.get(def.key) ?? new Map<number, ProcedureDefinition>();
      if (versions.has(def.version)) throw new Error(`procedure ${def.key} v${def.version} is defined twice`);
      versions.set(def.version, def);
      this.byKey.set(def.key, versions);
    }
  }

  latest(key: string): ProcedureDefinition {
    const versions = this.byKey.get(key);
    if (!versions) throw new NotFoundException(says(`no procedure ${key}`, `没有程序 ${key}`));
    return versions.get(Math.max(...versions.keys()))!;
  }

  get(key: string, version: number): ProcedureDefinition {
    const def = this.byKey.get(key)?.get(version);
    if (!def) throw new NotFoundException(says(`no procedure ${key} v${version}`, `没有程序 ${key} 第 ${version} 版`));
    return def;
  }

  all(): ProcedureDefinition[] {
    return [...this.byKey.keys()].map((k) => this.latest(k));
  }
}
