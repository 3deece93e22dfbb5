import type { Metadata } from 'next';
import Link from 'next/link';
import { staffUser } from '@/app/admin/staff-access';
import styles from '@/components/admin/orders/operations.module.css';
import { RedriveButton } from '@/components/admin/orders/redrive-button';
import { TableScroll } from '@/components/admin/table-scroll';
import ordersStyles from '@/components/orders/orders.module.css';
import { listDeadLetters } from '@/server/fulfilment';
import { OPERATIONS_GROUP } from '@/server/identity';
import { listStreamFailures } from '@/server/streams';
import type { StreamFailure } from '@/server/streams/contract';
import { discardStreamFailureAction } from './actions';

// /admin/orders/dead-letters: the two dead-letter queues side by side. The warehouse messages that failed every
// delivery attempt (one redrive for all), and the stream consumers' failure reports (StreamFailuresDlq: which
// stream, which records, why, when; each discarded once its records were re-saved; ADR 0024).
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Dead letters · Operations', robots: { index: false, follow: false } };

const OUTCOMES: Record<string, string> = {
  discarded: 'The report was discarded.',
  gone: 'Nothing was discarded: that report was no longer in the queue.',
  unconfirmed: 'Nothing was discarded: tick the confirmation box first.',
  invalid: 'Nothing was discarded: the report could not be read from the form.',
};

const count = (n: number) => (n === 1 ? 'One message' : `${n} messages`);
const when = (iso: string) => (iso ? `${iso.slice(0, 19).replace('T', ' ')} UTC` : 'unknown');

function RecordKeys({ failure }: { failure: StreamFailure }) {
  if (!failure.keys)
    return (
      <>
        Sequence {failure.records.firstSequence || '?'}
        {failure.records.lastSequence !== failure.records.firstSequence ? ` to ${failure.records.lastSequence}` : ''} (no longer readable from the stream)
      </>
    );
  if (failure.keys.length === 0) return <>None found at that position</>;
  return (
    <ul>
      {failure.keys.map((key) => {
        const text = Object.entries(key)
          .map(([name, value]) => `${name} ${value}`)
          .join(', ');
        return <li key={text}>{failure.stream === 'orders' && key.id ? <Link href={`/admin/orders/${key.id}`}>Order {key.id}</Link> : text}</li>;
      })}
    </ul>
  );
}

export default async function DeadLettersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { denied } = await staffUser(OPERATIONS_GROUP, '/admin/orders/dead-letters', 'the operations console');
  if (denied) return denied;
  const [letters, failures, params] = await Promise.all([listDeadLetters(), listStreamFailures(), searchParams]);
  const outcome = typeof params.outcome === 'string' ? OUTCOMES[params.outcome] : undefined;

  return (
    <>
      <p>
        <Link href="/admin/orders">All orders</Link>
      </p>
      <h1>Dead letters</h1>
      {outcome ? (
        <p className={ordersStyles.message} role="status">
          {outcome}
        </p>
      ) : null}
      <div className={styles.queues}>
        <section aria-labelledby="warehouse-heading">
          <h2 id="warehouse-heading">Warehouse queue ({letters.length})</h2>
          <p>
            Messages to the warehouse that failed on every attempt land here instead of blocking the orders behind them. Fix the cause, then send them back: the
            warehouse skips any step an order has already taken, so a redrive never ships or charges twice.
          </p>
          {letters.length === 0 ? (
            <p>The warehouse dead-letter queue is empty.</p>
          ) : (
            <TableScroll label="Warehouse dead letters">
              <table className={ordersStyles.table}>
                <caption>{count(letters.length)} waiting</caption>
                <thead>
                  <tr>
                    <th scope="col">Order</th>
                    <th scope="col">Event</th>
                    <th scope="col" className={ordersStyles.num}>
                      Attempts
                    </th>
                    <th scope="col">Message</th>
                  </tr>
                </thead>
                <tbody>
                  {letters.map((m) => (
                    <tr key={m.messageId}>
                      <th scope="row">{m.orderId ? <Link href={`/admin/orders/${m.orderId}`}>{m.orderId}</Link> : 'unreadable'}</th>
                      <td>{m.event}</td>
                      <td className={ordersStyles.num}>{m.receiveCount}</td>
                      <td className={styles.code}>{m.body.slice(0, 300)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <RedriveButton count={letters.length} />
        </section>
        <section aria-labelledby="stream-heading">
          <h2 id="stream-heading">Stream failures ({failures.length})</h2>
          <p>
            Changes to orders and products that a stream consumer (top sellers, search, cache, warehouse hand-off) failed on every retry. The report points at
            the records; it does not carry them. Fix the cause, save the item again so its change goes through the stream once more, then discard the report.
          </p>
          {failures.length === 0 ? (
            <p>No stream failures are waiting.</p>
          ) : (
            <ol className={styles.failures} aria-label={`${count(failures.length)} from the streams`}>
              {failures.map((f) => (
                <li key={f.messageId}>
                  <h3>
                    {f.stream} stream · {f.consumer}
                  </h3>
                  <dl className={styles.figures}>
                    <div>
                      <dt>Error</dt>
                      <dd>{f.error}</dd>
                    </div>
                    <div>
                      <dt>When</dt>
                      <dd>
                        <time dateTime={f.at}>{when(f.at)}</time>
                      </dd>
                    </div>
                    <div>
                      <dt>Records</dt>
                      <dd>{f.records.count}</dd>
                    </div>
                    <div>
                      <dt>Which</dt>
                      <dd className={styles.code}>
                        <RecordKeys failure={f} />
                      </dd>
                    </div>
                  </dl>
                  <form action={discardStreamFailureAction} aria-label={`Discard the ${f.stream} stream report of ${when(f.at)}`}>
                    <input type="hidden" name="messageId" value={f.messageId} />
                    <label>
                      <input type="checkbox" name="confirm" value="yes" required /> Yes, its records were dealt with
                    </label>
                    <button type="submit" className="button">
                      Discard
                    </button>
                  </form>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </>
  );
}
