import type { ValueTransformer } from 'typeorm';

/**
 * A `bigint` column read as a JavaScript number (pg returns int8 as a string so as not to lose
 * precision): for byte sizes and counts, which stay far below 2^53.
 */
export const BIGINT_AS_NUMBER: ValueTransformer = {
  to: (value: number) => value,
  from: (value: string) => Number(value),
};
