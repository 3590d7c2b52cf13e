import { DatePicker } from "antd";

/** Ant Design's RangePicker as a module of its own: loaded by DeferredRangePicker. */
export default DatePicker.RangePicker;
