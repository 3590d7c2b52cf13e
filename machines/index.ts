export * from "./allowed-actions.ts";
export * from "./api-state.ts";
export * from "./application.machine.ts";
export * from "./application-context.ts";
export * from "./apply-event.ts";
export * from "./fold-event-into-facts.ts";
export * from "./guards.ts";
export * from "./restore-snapshot.ts";
