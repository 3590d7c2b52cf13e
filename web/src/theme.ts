/**
 * The house colour and corner radius: Ant Design's tokens (antd-root.tsx) and the hand-written
 * login page and 工作台 (styles.css repeats them as --ogi-primary and --ogi-radius).
 */
export const THEME = { primary: "#b71c1c", radius: 4 } as const;
