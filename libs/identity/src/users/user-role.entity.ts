import { Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '../auth/principal';

@Entity({ name: 'user_role' })
export class UserRoleEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @PrimaryColumn({ type: 'varchar' })
  role!: Role;
}
