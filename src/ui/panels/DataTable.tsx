/** A compact table with a visible caption, for RocketMQ's tables in the inspector. */
import { Fragment, memo, type ReactNode } from 'react';
import { ScrollArea } from '../controls/ScrollArea.tsx';

export interface DataTableProps {
  caption: string;
  columns: string[];
  /** Each row: a stable key and one cell per column. */
  rows: { key: string; cells: ReactNode[] }[];
  empty: string;
  testId?: string;
  /** Narrower cells, for a table of many short columns that must fit its panel. */
  dense?: boolean;
  /**
   * The columns whose cells stay on one line (an address: 10.0.1.1:10911 broken over five lines
   * is unreadable). Other cells in the narrow side column break anywhere, which lets the table
   * give them any width; these keep theirs.
   */
  whole?: readonly number[];
  /**
   * Columns of names that keep at least this many characters' width (DefaultCluster, broker-a/0):
   * a usual name stays whole where the others give way, and a longer one still breaks anywhere.
   */
  nameWidths?: Readonly<Record<number, number>>;
}

const NONE: readonly number[] = [];
const NO_WIDTHS: Readonly<Record<number, number>> = {};

/** A row is rendered again only when one of its cells changed (text compares by value), not on every frame of a run. */
const Row = memo(
  function Row({ cells, whole, nameWidths }: { cells: ReactNode[]; whole: readonly number[]; nameWidths: Readonly<Record<number, number>> }) {
    return (
      <tr>
        {cells.map((cell, i) => (
          <td key={i} className={whole.includes(i) ? 'rs-whole' : undefined} style={nameWidths[i] === undefined ? undefined : { minWidth: `${nameWidths[i]}ch` }}>{cell}</td>
        ))}
      </tr>
    );
  },
  (a, b) => a.whole === b.whole && a.nameWidths === b.nameWidths && a.cells.length === b.cells.length && a.cells.every((cell, i) => Object.is(cell, b.cells[i])),
);

/**
 * One of RocketMQ's names that may break between its words, of camelCase (writeQueueNums,
 * commitLogOffset) or after an underscore (CONSUME_FROM_LAST_OFFSET), and nowhere else, so a
 * narrow panel fits it without cutting a word.
 */
export function BreakableName({ name }: { name: string }) {
  const words = name.split(/(?<=[a-z])(?=[A-Z])|(?<=_)/);
  return words.map((word, i) => (i === 0 ? word : <Fragment key={i}><wbr />{word}</Fragment>));
}

export function DataTable({ caption, columns, rows, empty, testId, dense = false, whole = NONE, nameWidths = NO_WIDTHS }: DataTableProps) {
  return (
    <ScrollArea className="rs-table-scroll" label={caption} testId={testId}>
      <table className={dense ? 'rs-table rs-table-dense' : 'rs-table'}>
        <caption>{caption}</caption>
        <thead>
          <tr>{columns.map((column) => <th key={column} scope="col"><BreakableName name={column} /></th>)}</tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr><td colSpan={columns.length} className="rs-muted">{empty}</td></tr>
          ) : rows.map((row) => <Row key={row.key} cells={row.cells} whole={whole} nameWidths={nameWidths} />)}
        </tbody>
      </table>
    </ScrollArea>
  );
}

/** A list of label / value pairs above the tables. */
export function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="rs-facts">
      {items.map(([label, value]) => (
        <div key={label}><dt>{label}</dt><dd>{value}</dd></div>
      ))}
    </dl>
  );
}
