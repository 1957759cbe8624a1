import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import type { DemoWorldName } from '@vanthu/config';
import {
  AgencyRepository,
  DEMO_AGENCIES,
  ImportAgenciesUseCase,
  SystemDirectoryActor,
} from '@vanthu/directory';
import { PasswordHasher, UnitRepository, UserRepository } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { generateDemoPassword } from './demo-password';
import { DemoPkiSeeder } from './demo-pki-seeder';
import { demoWorld } from './demo-world';

export interface DemoLogin {
  username: string;
  password: string;
  fullName: string;
  position: string;
  agencyCode: string;
  roles: readonly string[];
  /** Passphrase of the person's demo P12 (leaders), asked at each personal signing. */
  signingPassphrase?: string;
}

export interface SeedDemoWorldResult {
  agencies: { created: number; updated: number; unchanged: number };
  unitsCreated: number;
  /** Accounts whose password was set by this run (new accounts, or all of them with `password`). */
  logins: DemoLogin[];
  /** The demo PKI under the data folder and what this run imported from it. */
  certificates: { dir: string; imported: number; trustAnchorsAdded: number; crlsAdded: number };
}

/**
 * Creates the demo world — the four-level hierarchy, and for the agencies this installation hosts
 * (`world`, VANTHU_DEMO_WORLD: the district and its communes by default) their units, demo users of
 * every role and certificates — in one transaction. Running it again adds only what is missing;
 * with `resetPasswords` it also sets every existing demo user's password (to `password`, or a new
 * random one each).
 */
@Injectable()
export class SeedDemoWorldUseCase {
  constructor(
    private readonly db: Database,
    private readonly importAgencies: ImportAgenciesUseCase,
    private readonly agencies: AgencyRepository,
    private readonly units: UnitRepository,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
    private readonly demoPki: DemoPkiSeeder,
  ) {}

  /** True on a database without any agency: the first start. */
  async isFirstStart(): Promise<boolean> {
    return (await this.agencies.count()) === 0;
  }

  async execute(
    input: { password?: string; resetPasswords?: boolean; world?: DemoWorldName } = {},
  ): Promise<SeedDemoWorldResult> {
    const world = demoWorld(input.world ?? 'district');
    const records = DEMO_AGENCIES.map((a) => ({ ...a, hosted: world.hostedCodes.has(a.code) }));
    const pki = await this.demoPki.prepare(world.pki);

    return this.db.transaction(async () => {
      const agencies = await this.importAgencies.execute({
        actor: new SystemDirectoryActor('demo seed'),
        format: 'json',
        content: JSON.stringify(records),
      });
      const byCode = new Map(
        (await this.agencies.findByCodes(records.map((r) => r.code))).map((a) => [a.code, a]),
      );

      let unitsCreated = 0;
      for (const [code, units] of world.units) {
        const agencyId = byCode.get(code)!.id;
        for (const unit of units) {
          if (await this.units.findByCode(agencyId, unit.code)) continue;
          await this.units.insert({
            agencyId,
            code: unit.code,
            name: unit.name,
            abbreviation: unit.abbreviation,
          });
          unitsCreated += 1;
        }
      }

      const logins: DemoLogin[] = [];
      for (const demo of world.users) {
        const agencyId = byCode.get(demo.agencyCode)!.id;
        const existing = await this.users.findByUsername(demo.username);
        if (existing && !input.resetPasswords) continue;
        // hashed only for the accounts this run sets
        const password = input.password ?? generateDemoPassword();
        const passwordHash = await this.hasher.hash(password);
        if (existing) {
          await this.users.setPasswordHash(existing.id, passwordHash, false);
        } else {
          const unit = demo.unitCode ? await this.units.findByCode(agencyId, demo.unitCode) : null;
          const user = await this.users.insert({
            agencyId,
            unitId: unit?.id ?? null,
            username: demo.username,
            fullName: demo.fullName,
            position: demo.position,
            passwordHash,
            mustChangePassword: false,
          });
          await this.users.replaceRolesInAgency(user.id, agencyId, demo.roles);
        }
        logins.push({
          username: demo.username,
          password,
          fullName: demo.fullName,
          position: demo.position,
          agencyCode: demo.agencyCode,
          roles: demo.roles,
        });
      }
      const people = new Map<string, { userId: string; agencyId: string }>();
      for (const person of world.pki.people) {
        const user = await this.users.findByUsername(person.username);
        if (user)
          people.set(person.username, { userId: user.id, agencyId: byCode.get(person.agencyCode)!.id });
      }
      const imported = await this.demoPki.importInto(
        pki,
        new Map(
          [...byCode]
            .filter(([code]) => world.hostedCodes.has(code))
            .map(([code, agency]) => [code, agency.id]),
        ),
        people,
      );
      for (const login of logins) {
        const passphrase = imported.passphrases.get(login.username);
        if (passphrase !== undefined) login.signingPassphrase = passphrase;
      }
      const certificates = {
        dir: imported.dir,
        imported: imported.certificatesImported,
        trustAnchorsAdded: imported.trustAnchorsAdded,
        crlsAdded: imported.crlsAdded,
      };
      await this.audit.record({
        action: 'demo.seeded',
        agencyId: byCode.get([...world.hostedCodes][0] ?? '')?.id ?? null,
        details: {
          world: world.name,
          agencies,
          unitsCreated,
          accountsSet: logins.map((l) => l.username),
          certificatesImported: certificates.imported,
        },
      });
      return { agencies, unitsCreated, logins, certificates };
    });
  }
}
