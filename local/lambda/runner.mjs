// One emulated Lambda execution environment (local/lambda/lambda-process.ts forks it): imports a bundled handler and
// runs one event at a time, as a Lambda container does. Plain JavaScript: it is started by `node` itself.
const [bundle, exportName] = process.argv.slice(2);
const mod = await import(bundle);
const handler = mod[exportName];
if (typeof handler !== 'function') throw new Error(`${bundle} exports no function ${exportName}`);

let queue = Promise.resolve();
process.on('message', (msg) => {
  queue = queue.then(async () => {
    try {
      const result = await handler(msg.event, { awsRequestId: msg.id, functionName: exportName, getRemainingTimeInMillis: () => msg.timeoutMs });
      process.send({ id: msg.id, ok: true, result: result ?? null });
    } catch (err) {
      process.send({ id: msg.id, ok: false, error: { name: err?.name ?? 'Error', message: err?.message ?? String(err) } });
    }
  });
});
process.send({ ready: true });
