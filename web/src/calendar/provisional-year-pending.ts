/**
 * Thrown by the web's working calendar when a computation reaches a year that is neither shipped
 * nor served (GET /api/v1/calendar/:year) before lunar-typescript, which builds provisional
 * years, has loaded. The load has started by then; the hook gives a new calendar when it is done.
 */
export class ProvisionalYearPending extends Error {
  constructor(readonly year: number) {
    super(`${year} 年的暂定放假安排仍在载入`);
    this.name = "ProvisionalYearPending";
  }
}
