/**
 * A tablist and its one panel (WAI-ARIA's tabs pattern, automatic activation): ← → move between
 * the tabs and open the one they reach, wrapping around, Home and End go to the first and the
 * last, and only the open tab is in the Tab order. The panel shows the open tab's content and is
 * named by its tab. Used by the Insight views and the editor.
 */
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { moveIndex, type IndexMoves } from '../keys.ts';

const TAB_MOVES: IndexMoves = { axis: 'horizontal', wrap: true };

interface TabItem<Id extends string> {
  id: Id;
  label: string;
}

interface TabsProps<Id extends string> {
  items: readonly TabItem<Id>[];
  selected: Id;
  onSelect(id: Id): void;
  /** The tablist's accessible name. */
  label: string;
  /** The class of the list, of each tab and of the panel. */
  classes: { list: string; tab: string; panel: string };
  /** Test ids `<name>-tab-<id>` and `<name>-panel-<id>` (the e2e tests click the tabs). */
  name: string;
  /** The open tab's content. */
  children: ReactNode;
}

export function Tabs<Id extends string>({ items, selected, onSelect, label, classes, name, children }: TabsProps<Id>) {
  const baseId = useId();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const next = moveIndex(event.key, index, items.length, TAB_MOVES);
    if (next === null || event.altKey || event.ctrlKey || event.metaKey) return;
    // Handled here, so the page's own arrow shortcuts (step one event, use-keyboard.ts) do not also fire.
    event.preventDefault();
    onSelect(items[next]!.id);
    buttons.current[next]?.focus();
  };
  return (
    <>
      <div role="tablist" className={classes.list} aria-label={label}>
        {items.map((item, index) => (
          <button
            key={item.id}
            ref={(element) => { buttons.current[index] = element; }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${item.id}`}
            aria-selected={item.id === selected}
            aria-controls={`${baseId}-panel`}
            tabIndex={item.id === selected ? 0 : -1}
            className={classes.tab}
            data-testid={`${name}-tab-${item.id}`}
            onClick={() => onSelect(item.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {item.label}
          </button>
        ))}
      </div>
      {/* One panel holds whichever tab is open: every tab controls it, and it is named by the open one. */}
      <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${selected}`} className={classes.panel} data-testid={`${name}-panel-${selected}`}>
        {children}
      </div>
    </>
  );
}
