import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { In } from 'typeorm';
import type { Role, RoleGrant } from '../auth/principal';
import { UserRoleEntity } from './user-role.entity';
import { UserEntity } from './user.entity';

@Injectable()
export class UserRepository {
  constructor(private readonly db: Database) {}

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.db.manager.findOneBy(UserEntity, { username });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.db.manager.findOneBy(UserEntity, { id });
  }

  /** A user whose account belongs to the agency; another agency's user reads as absent. */
  findInAgency(agencyId: string, id: string): Promise<UserEntity | null> {
    return this.db.manager.findOneBy(UserEntity, { id, agencyId });
  }

  listByAgency(agencyId: string): Promise<UserEntity[]> {
    return this.db.manager.find(UserEntity, { where: { agencyId }, order: { username: 'ASC' } });
  }

  async insert(user: Partial<UserEntity>): Promise<UserEntity> {
    return this.db.manager.save(UserEntity, this.db.manager.create(UserEntity, user));
  }

  /** Updates only when the stored version is `expectedVersion`; returns false on a lost race. */
  async updateVersioned(id: string, expectedVersion: number, changes: Partial<UserEntity>): Promise<boolean> {
    const result = await this.db.manager
      .createQueryBuilder()
      .update(UserEntity)
      .set({ ...changes, updatedAt: () => 'now()', version: () => 'version + 1' })
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .execute();
    return result.affected === 1;
  }

  async setPasswordHash(id: string, passwordHash: string, mustChange: boolean): Promise<void> {
    await this.db.manager
      .createQueryBuilder()
      .update(UserEntity)
      .set({
        passwordHash,
        mustChangePassword: mustChange,
        updatedAt: () => 'now()',
        version: () => 'version + 1',
      })
      .where('id = :id', { id })
      .execute();
  }

  async rolesOf(userId: string): Promise<RoleGrant[]> {
    const rows = await this.db.manager.find(UserRoleEntity, { where: { userId } });
    return rows.map((r) => ({ agencyId: r.agencyId, role: r.role }));
  }

  async rolesOfMany(userIds: string[]): Promise<Map<string, RoleGrant[]>> {
    const map = new Map<string, RoleGrant[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return map;
    const rows = await this.db.manager.find(UserRoleEntity, { where: { userId: In(userIds) } });
    for (const r of rows) map.get(r.userId)?.push({ agencyId: r.agencyId, role: r.role });
    return map;
  }

  async replaceRolesInAgency(userId: string, agencyId: string, roles: readonly Role[]): Promise<void> {
    await this.db.manager.delete(UserRoleEntity, { userId, agencyId });
    if (roles.length > 0) {
      await this.db.manager.insert(
        UserRoleEntity,
        roles.map((role) => ({ userId, agencyId, role })),
      );
    }
  }

  /** Active admins of the agency, counted under a lock so two demotions cannot both pass. */
  async countActiveAdmins(agencyId: string): Promise<number> {
    const rows: { n: number }[] = await this.db.manager.query(
      `SELECT count(*)::int AS n FROM (
         SELECT r.user_id FROM user_role r JOIN app_user u ON u.id = r.user_id
         WHERE r.agency_id = $1 AND r.role = 'admin' AND u.active FOR UPDATE OF r) admins`,
      [agencyId],
    );
    return rows[0]?.n ?? 0;
  }

  async countAll(): Promise<number> {
    return this.db.manager.count(UserEntity);
  }
}
