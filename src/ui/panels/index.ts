/** The simulation panels; each reads the run through useSimView() and the store's selection and language. */
export { TopologyPanel, type TopologyPanelProps } from './TopologyPanel.tsx';
export { SummaryBar, type SummaryBarProps } from './SummaryBar.tsx';
export { PANEL_STRINGS, type PanelStrings } from './strings.ts';
