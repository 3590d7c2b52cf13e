import { table3Layout } from "@domain/tabulation/table3-layout.ts";
import type { Table3DataRow } from "@domain/tabulation/table3-types.ts";
import { TABLE4_LAYOUT } from "@domain/tabulation/table4-layout.ts";
import { TABLE2_CONTENT_LABEL, table2Layout } from "@reports/table2/table2-layout.ts";
import { InputNumber } from "antd";
import type { AnnualReport, Table3Column } from "../../api/types.ts";

export interface CellRef {
  row: string;
  column: Table3Column;
  name: string;
  columnLabel: string;
}

/**
 * Table 三 as the national format lays it out: merged headers, every row, explicit zeros. With
 * `onCell` each figure is a button that opens its cell; without, the figures are plain text (a
 * ledger import's preview, whose cases do not exist yet).
 */
export function Table3View(props: {
  report: Pick<AnnualReport, "edition"> & { table3: Pick<AnnualReport["table3"], "rows"> };
  onCell?: (cell: CellRef) => void;
}) {
  const { onCell } = props;
  const layout = table3Layout(props.report.edition);
  const orgColumns = layout.columns.filter((c) => c.parent !== null);
  const [natural] = layout.columns;
  const rows = props.report.table3.rows;
  return (
    <table className="official table3" aria-label={layout.title}>
      <caption style={{ captionSide: "top", textAlign: "left", fontWeight: 600, padding: "6px 0" }}>
        {layout.title}
      </caption>
      <thead>
        <tr>
          <th rowSpan={3} style={{ width: "34%" }}>
            {layout.note}
          </th>
          <th colSpan={layout.columns.length}>{layout.columnsHeader}</th>
        </tr>
        <tr>
          <th rowSpan={2}>{natural?.label}</th>
          <th colSpan={orgColumns.length}>{orgColumns[0]?.parent}</th>
          <th rowSpan={2}>总计</th>
        </tr>
        <tr>
          {orgColumns.map((c) => (
            <th key={c.key}>{c.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {layout.rows.map((row) =>
          row.kind === "heading" ? (
            <tr key={row.key}>
              <td className={`label indent-${row.indent}`} colSpan={layout.columns.length + 1}>
                {row.label}
              </td>
            </tr>
          ) : (
            <tr key={row.key} data-row={row.key}>
              <td className={`label indent-${row.indent}`}>{row.label}</td>
              {layout.columns.map((c) => {
                const n = rows[row.key]?.[c.key] ?? 0;
                return (
                  <td key={c.key} className="cell" data-column={c.key}>
                    {onCell ? (
                      <button
                        type="button"
                        aria-label={`${(row as Table3DataRow).name}，${c.label}：${n} 件，查看申请`}
                        onClick={() =>
                          onCell({ row: row.key, column: c.key, name: row.name, columnLabel: c.label })
                        }
                      >
                        {n}
                      </button>
                    ) : (
                      n
                    )}
                  </td>
                );
              })}
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}

/** Table 四: 行政复议 and the two kinds of 行政诉讼, five results each, in one row. */
export function Table4View({ report }: { report: AnnualReport }) {
  const L = TABLE4_LAYOUT;
  const kinds = L.groups.flatMap((g) => g.kinds);
  return (
    <table className="official table4" aria-label={L.title}>
      <caption style={{ captionSide: "top", textAlign: "left", fontWeight: 600, padding: "6px 0" }}>
        {L.title}
      </caption>
      <thead>
        <tr>
          {L.groups.map((g) => (
            <th
              key={g.label}
              colSpan={g.kinds.length * L.columns.length}
              rowSpan={g.kinds.length === 1 ? 2 : 1}
            >
              {g.label}
            </th>
          ))}
        </tr>
        <tr>
          {kinds
            .filter((k) => L.kindLabels[k] !== null)
            .map((k) => (
              <th key={k} colSpan={L.columns.length}>
                {L.kindLabels[k]}
              </th>
            ))}
        </tr>
        <tr>
          {kinds.flatMap((k) =>
            L.columns.map((c) => (
              <th key={`${k}.${c.key}`} scope="col">
                {c.label}
              </th>
            )),
          )}
        </tr>
      </thead>
      <tbody>
        <tr>
          {kinds.flatMap((k) =>
            L.columns.map((c) => (
              <td key={`${k}.${c.key}`} className="cell" data-cell={`${k}.${c.key}`}>
                {report.table4[k]?.[c.key] ?? 0}
              </td>
            )),
          )}
        </tr>
      </tbody>
    </table>
  );
}

/** Table 二, one block per item of art. 20; editable cells while the admin edits a draft. */
export function Table2View(props: {
  report: AnnualReport;
  editing: boolean;
  values: AnnualReport["table2"];
  onChange: (row: string, column: string, value: number) => void;
}) {
  const layout = table2Layout(props.report.edition);
  return (
    <div>
      <div style={{ fontWeight: 600, padding: "6px 0" }}>{layout.title}</div>
      {layout.sections.map((s) => (
        <table
          key={s.heading}
          className="official table2"
          aria-label={`表二 ${s.heading}`}
          style={{ marginBottom: 8 }}
        >
          <thead>
            <tr>
              <th colSpan={s.columns.length + 1}>{s.heading}</th>
            </tr>
            <tr>
              <th style={{ width: "30%" }}>{TABLE2_CONTENT_LABEL}</th>
              {s.columns.map((c) => (
                <th key={c.key}>{c.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {s.rows.map((r) => (
              <tr key={r.key}>
                <td className="label">{r.label}</td>
                {s.columns.map((c) => {
                  const v = props.values[r.key]?.[c.key] ?? 0;
                  return (
                    <td key={c.key} className="cell">
                      {props.editing ? (
                        <InputNumber
                          aria-label={`${r.label}：${c.label}`}
                          value={v}
                          min={c.kind === "signed" ? undefined : 0}
                          precision={c.kind === "amount" ? 4 : 0}
                          onChange={(n) => props.onChange(r.key, c.key, n ?? 0)}
                        />
                      ) : (
                        v
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
