import type { Provider } from '@nestjs/common';
import { AssignIncomingUseCase } from './assign-incoming.use-case';
import { AssignmentRepository } from './assignment.repository';
import { AssignmentTargets } from './assignment-targets';
import { DeadlineRepository } from './deadline.repository';
import { ListDueSoonUseCase } from './list-due-soon.use-case';
import { ListOverdueUseCase } from './list-overdue.use-case';

/** Assignment and deadlines of incoming documents (listed in INCOMING_PROVIDERS). */
export const ASSIGNMENTS_PROVIDERS: Provider[] = [
  AssignmentRepository,
  AssignmentTargets,
  DeadlineRepository,
  AssignIncomingUseCase,
  ListOverdueUseCase,
  ListDueSoonUseCase,
];
