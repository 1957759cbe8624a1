/** Port for "now", so that deadlines, numbering years and certificate validity can be tested at any date. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
