import { AgencyEntity } from './agency.entity';

export const DIRECTORY_ENTITIES = [AgencyEntity];
