import { Injectable } from '@nestjs/common';
import { Clock } from '@vanthu/shared';
import { type Agency, toAgencyRecord } from '../agency';
import { AgencyRepository } from '../agency.repository';
import { agenciesToCsv } from '../import-export/agency-csv';
import { agenciesToJson } from '../import-export/agency-json';
import type { DirectoryFileFormat } from './import-agencies.use-case';

export interface DirectoryExport {
  fileName: string;
  mediaType: string;
  content: string;
}

/** Parents before children, then by code, so the file reads top-down and imports anywhere. */
function topDown(agencies: readonly Agency[]): Agency[] {
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const depth = new Map<string, number>();
  const depthOf = (agency: Agency): number => {
    const chain: Agency[] = [];
    let a: Agency | undefined = agency;
    while (a && !depth.has(a.id) && chain.length <= agencies.length) {
      chain.push(a);
      a = a.parentId ? byId.get(a.parentId) : undefined;
    }
    let d = a && depth.has(a.id) ? (depth.get(a.id) as number) : -1;
    for (const n of chain.reverse()) depth.set(n.id, ++d);
    return depth.get(agency.id) as number;
  };
  return [...agencies].sort(
    (x, y) => depthOf(x) - depthOf(y) || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0),
  );
}

/**
 * The whole directory as JSON or CSV, in the form the import reads back without loss. CSV starts
 * with a byte order mark so that Excel shows Vietnamese correctly.
 */
@Injectable()
export class ExportAgenciesUseCase {
  constructor(
    private readonly agencies: AgencyRepository,
    private readonly clock: Clock,
  ) {}

  async execute(input: { format: DirectoryFileFormat }): Promise<DirectoryExport> {
    const records = topDown(await this.agencies.listAll()).map(toAgencyRecord);
    const date = this.clock.now().toISOString().slice(0, 10);
    if (input.format === 'csv') {
      return {
        fileName: `danh-ba-co-quan-${date}.csv`,
        mediaType: 'text/csv; charset=utf-8',
        content: `\uFEFF${agenciesToCsv(records)}`,
      };
    }
    return {
      fileName: `danh-ba-co-quan-${date}.json`,
      mediaType: 'application/json; charset=utf-8',
      content: agenciesToJson(records),
    };
  }
}
