/** Compile-time checks that a schema and the type it feeds stay the same. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** `assertType<Same<A, B>>()` fails to compile unless the check is true; does nothing at run time. */
export function assertType<_T extends true>(): void {}
