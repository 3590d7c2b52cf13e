import { App } from "antd";

/**
 * Ant Design's App (the context of App.useApp: message, modal, notification) as a module of its
 * own: app-routes.tsx loads it with the pages that use it, so the 工作台 does not carry it.
 */
export default App;
