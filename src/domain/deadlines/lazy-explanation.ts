/**
 * Gives `target` an `explanation` built by `build` on its first read, then kept (an own,
 * enumerable property: JSON, spreads and equality see it like a plain one). Deciding, guarding
 * and planning read only the dates and states; the Chinese lines, which walk the calendar day
 * by day to name the holidays skipped, are built only for the views, mails and the CLI that
 * show them.
 */
export function defineLazyExplanation<T extends object>(
  target: T,
  build: () => string[],
): T & { explanation: string[] } {
  const settle = (self: object, value: string[]) =>
    Object.defineProperty(self, "explanation", {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  Object.defineProperty(target, "explanation", {
    enumerable: true,
    configurable: true,
    get(this: object) {
      const value = build();
      settle(this, value);
      return value;
    },
    set(this: object, value: string[]) {
      settle(this, value);
    },
  });
  return target as T & { explanation: string[] };
}
