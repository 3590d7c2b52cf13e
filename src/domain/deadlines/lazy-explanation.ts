/**
 * Gives `target` an `explanation` built by `build` on its first read, then kept (an own,
 * enumerable property: JSON, spreads and equality see it like a plain one). Deciding, guarding
 * and planning read only the dates and states; the Chinese lines, which walk the calendar day
 * by day to name the holidays skipped, are built only for the views, mails and the CLI that
 * show them.
 *
 * One getter and one setter serve every object (the builder waits in a WeakMap): an action
 * computes a dozen clocks, and three closures per clock were most of computeDeadlines' garbage.
 */
const BUILDERS = new WeakMap<object, () => string[]>();

function settle(self: object, value: string[]): void {
  BUILDERS.delete(self);
  Object.defineProperty(self, "explanation", {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

const LAZY: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: object) {
    // read through an object made with Object.create(clock): the clock's builder, kept on the reader
    let build: (() => string[]) | undefined;
    for (let o: object | null = this; build === undefined && o !== null; o = Object.getPrototypeOf(o))
      build = BUILDERS.get(o);
    const value = (build as () => string[])();
    settle(this, value);
    return value;
  },
  set(this: object, value: string[]) {
    settle(this, value);
  },
};

export function defineLazyExplanation<T extends object>(
  target: T,
  build: () => string[],
): T & { explanation: string[] } {
  BUILDERS.set(target, build);
  Object.defineProperty(target, "explanation", LAZY);
  return target as T & { explanation: string[] };
}
