import { editionForYear } from "@domain/tabulation/edition-for-year.ts";
import { Table, Tabs, Typography } from "antd";
import type { ImportRowError, Table3Rows } from "../../api/types.ts";
import { Table3View } from "../report/official-tables.tsx";

/** The refused cells of a ledger: 行号 (the spreadsheet's row), 列 (its heading), 说明. */
export function ImportErrorsTable({ errors }: { errors: ImportRowError[] }) {
  return (
    <Table<ImportRowError & { key: number }>
      className="import-errors"
      aria-label="校验错误"
      size="small"
      dataSource={errors.map((e, key) => ({ ...e, key }))}
      pagination={{
        pageSize: 10,
        hideOnSinglePage: true,
        showSizeChanger: false,
        showTotal: (total) => `共 ${total} 处错误`,
      }}
      columns={[
        { title: "行号", dataIndex: "row", width: 90, render: (row: number | null) => row ?? "—" },
        { title: "列", dataIndex: "column", width: 160, render: (c: string) => c || "—" },
        { title: "说明", dataIndex: "message" },
      ]}
    />
  );
}

/** 2019 and 2020 use the 2019 format; a year the format does not cover is read from its rows. */
function editionOf(year: string, rows: Table3Rows) {
  try {
    return editionForYear(Number(year));
  } catch {
    return "other" in rows ? "2019" : "2021";
  }
}

/** Table 三 of each report year the ledger touches, one tab a year, in the report's layout. */
export function YearTables({ tables }: { tables: Record<string, Table3Rows> }) {
  const years = Object.keys(tables).sort();
  if (years.length === 0)
    return <Typography.Text type="secondary">台账中没有可计入表三的申请。</Typography.Text>;
  return (
    <Tabs
      className="import-tables"
      items={years.map((year) => {
        const rows = tables[year] ?? {};
        return {
          key: year,
          label: `${year}年`,
          children: <Table3View report={{ edition: editionOf(year, rows), table3: { rows } }} />,
        };
      })}
    />
  );
}
