/** A compact table with a visible caption, for RocketMQ's tables in the inspector. */
import { Fragment, memo, useId, type ReactNode } from 'react';
import { ScrollArea } from '../controls/ScrollArea.tsx';

interface DataTableProps {
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
  /**
   * Columns of RocketMQ names (TopicTest, %RETRY%CG_ORDER, broker-a/0) that break only between their
   * parts, as a heading does (BreakableName), never inside one ("%RETRY%CG_OR / DER").
   */
  identifiers?: readonly number[];
}

const NONE: readonly number[] = [];
const NO_WIDTHS: Readonly<Record<number, number>> = {};

/** A row is rendered again only when one of its cells changed (text compares by value), not on every frame of a run. */
const Row = memo(
  function Row({ cells, whole, nameWidths, identifiers }: { cells: ReactNode[]; whole: readonly number[]; nameWidths: Readonly<Record<number, number>>; identifiers: readonly number[] }) {
    return (
      <tr>
        {cells.map((cell, i) => {
          const identifier = identifiers.includes(i) && typeof cell === 'string';
          return (
            <td key={i} className={whole.includes(i) ? 'rs-whole' : identifier ? 'rs-identifier' : undefined} style={nameWidths[i] === undefined ? undefined : { minWidth: `${nameWidths[i]}ch` }}>
              {identifier ? <BreakableName name={cell} /> : cell}
            </td>
          );
        })}
      </tr>
    );
  },
  (a, b) => a.whole === b.whole && a.nameWidths === b.nameWidths && a.identifiers === b.identifiers && a.cells.length === b.cells.length && a.cells.every((cell, i) => Object.is(cell, b.cells[i])),
);

/**
 * Where one of RocketMQ's names may break: between camelCase words (writeQueueNums,
 * commitLogOffset), after a system topic's prefix (%RETRY%, %DLQ%: MixAll.RETRY_GROUP_TOPIC_PREFIX),
 * after an underscore that ends a word of four letters or more (CONSUME_FROM_LAST_OFFSET, but not
 * the CG_ of CG_ORDER), and before a node's /brokerId (broker-a/0).
 */
const NAME_BREAKS = /(?<=[a-z])(?=[A-Z])|(?<=^%[A-Z]+%)|(?<=[A-Za-z0-9]{4}_)|(?=\/\d+$)/;

/** One of RocketMQ's names, broken only at NAME_BREAKS, so a narrow panel fits it without cutting a word. */
export function BreakableName({ name }: { name: string }) {
  const words = name.split(NAME_BREAKS);
  return words.map((word, i) => (i === 0 ? word : <Fragment key={i}><wbr />{word}</Fragment>));
}

/**
 * Past this many rows a table scrolls in a box of its own, its column names held at the top: a
 * large cluster's tables (640 queues of a topic, a broker's 64 queues per topic) would otherwise
 * run ten thousand pixels down the page. The caption stays above the box, where it is read with
 * the rows in view (a group's diffTotal and TPS in the Dashboard's).
 */
export const BOUNDED_ROWS = 24;

export function DataTable({ caption, columns, rows, empty, testId, dense = false, whole = NONE, nameWidths = NO_WIDTHS, identifiers = NONE }: DataTableProps) {
  const captionId = useId();
  const bounded = rows.length > BOUNDED_ROWS;
  const table = (
    <table className={dense ? 'rs-table rs-table-dense' : 'rs-table'} {...(bounded ? { 'aria-labelledby': captionId } : {})}>
      {!bounded && <caption>{caption}</caption>}
      <thead>
        <tr>{columns.map((column) => <th key={column} scope="col"><BreakableName name={column} /></th>)}</tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr><td colSpan={columns.length} className="rs-muted">{empty}</td></tr>
        ) : rows.map((row) => <Row key={row.key} cells={row.cells} whole={whole} nameWidths={nameWidths} identifiers={identifiers} />)}
      </tbody>
    </table>
  );
  if (!bounded) return <ScrollArea className="rs-table-scroll" label={caption} testId={testId}>{table}</ScrollArea>;
  return (
    <>
      <p className="rs-table-caption" id={captionId}>{caption}</p>
      <ScrollArea className="rs-table-scroll rs-table-bounded" label={caption} testId={testId}>{table}</ScrollArea>
    </>
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
