/** The two ids of a message decoded field by field: the producer's msgId and each stored copy's offsetMsgId. */
import { decodeOffsetMsgId, parseUniqId, type UniqIdFields, type TraceEvent } from '../../sim/index.ts';
import { formatTime } from '../../viz/format.ts';
import type { NodeNamer } from '../broker-node-names.ts';
import type { CardStrings } from './card-strings.ts';

type Stored = Extract<TraceEvent, { type: 'message.stored' }>;

function MsgIdTable({ msgId, fields, strings }: { msgId: string; fields: UniqIdFields; strings: CardStrings }) {
  const rows: [string, string, string][] = [
    [strings.clientIp, msgId.slice(0, 8), fields.ip.join('.')],
    [strings.pid, msgId.slice(8, 12), String(fields.pid)],
    [strings.classLoader, msgId.slice(12, 20), `0x${fields.classLoaderHash.toString(16).toUpperCase()}`],
    [strings.bornTime, msgId.slice(20, 28), strings.bornTimeValue(formatTime(fields.startOfMonthMs))],
    [strings.counter, msgId.slice(28, 32), String(fields.counter)],
  ];
  return (
    <table className="rs-table rs-card-ids" data-testid="card-msgid">
      <thead><tr><th scope="col">{strings.field}</th><th scope="col">{strings.bytes}</th><th scope="col">{strings.value}</th></tr></thead>
      <tbody>
        {rows.map(([field, bytes, value]) => <tr key={field}><th scope="row">{field}</th><td className="rs-mono">{bytes}</td><td>{value}</td></tr>)}
      </tbody>
    </table>
  );
}

/** Sixteen hex digits that may wrap only between their two halves (an IP and a port; a long's two ints), never inside a number. */
function Halves({ hex }: { hex: string }) {
  return <>{hex.slice(0, 8)}<wbr />{hex.slice(8)}</>;
}

function OffsetMsgIdTable({ copy, node, strings }: { copy: Stored; node: NodeNamer; strings: CardStrings }) {
  const decoded = decodeOffsetMsgId(copy.offsetMsgId);
  if (!decoded) return null;
  return (
    <table className="rs-table rs-card-ids" data-testid="card-offsetmsgid">
      <caption><span className="rs-mono">{copy.offsetMsgId}</span> · {strings.copyOf(node(copy, copy.brokerId), copy.topic)}</caption>
      <tbody>
        <tr><th scope="row">{strings.storeHost}</th><td className="rs-mono rs-card-hex"><Halves hex={copy.offsetMsgId.slice(0, 16)} /></td><td>{decoded.ip}:{decoded.port}</td></tr>
        <tr><th scope="row">{strings.commitLogOffset}</th><td className="rs-mono rs-card-hex"><Halves hex={copy.offsetMsgId.slice(16)} /></td><td>{decoded.commitLogOffset.toLocaleString('en-US')}</td></tr>
      </tbody>
    </table>
  );
}

export function MessageIds({ msgId, stored, node, strings }: { msgId: string; stored: Stored[]; node: NodeNamer; strings: CardStrings }) {
  const fields = parseUniqId(msgId);
  return (
    <>
      <section className="rs-card-section">
        <h3>{strings.msgIdHeading}</h3>
        <p className="rs-muted">{strings.msgIdIntro}</p>
        {fields ? <MsgIdTable msgId={msgId} fields={fields} strings={strings} /> : <p>{strings.notAMsgId}</p>}
      </section>
      <section className="rs-card-section">
        <h3>{strings.offsetMsgIdHeading}</h3>
        {stored.map((copy) => <OffsetMsgIdTable key={`${copy.broker}/${copy.brokerId}@${copy.t}`} copy={copy} node={node} strings={strings} />)}
        {/* The broker makes it when it stores the message (CommitLog.DefaultAppendMessageCallback): none exists before. */}
        {stored.length === 0 && <p data-testid="card-no-offset-msg-id">{strings.noOffsetMsgId}</p>}
        <p className="rs-card-why" data-testid="card-why-both">{strings.whyBoth}</p>
      </section>
    </>
  );
}
