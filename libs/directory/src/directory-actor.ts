/**
 * Who asks for a directory change, as plain data: the HTTP layer maps its Principal to this (the
 * directory cannot import identity, which depends on it).
 */
export interface DirectoryUserActor {
  userId: string;
  name: string;
  /** Agencies in which the user holds the `admin` role. */
  adminAgencyIds: readonly string[];
}

/**
 * The installation itself (CLI, demo seeding, first setup), which must be able to load a directory
 * before any administrator exists. Only code can construct it; no request body can.
 */
export class SystemDirectoryActor {
  constructor(readonly name: string) {}
}

export type DirectoryActor = DirectoryUserActor | SystemDirectoryActor;
