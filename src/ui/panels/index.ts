/** The simulation panels; each reads the run through useSimView() and the store's selection and language. */
export { TopologyPanel } from './TopologyPanel.tsx';
export { SummaryBar } from './SummaryBar.tsx';
