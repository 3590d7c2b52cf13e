import { Result } from "antd";

/** Ant Design's Result as a module of its own (its illustrations are ~10 KB gzip): see LazyResult. */
export default Result;
