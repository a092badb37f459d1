'use strict';
/**
 * Child process for the multi-process test: appends single events to one stream of a SQLite event
 * store (through the compiled adapter in dist/), each with the version it just read, retrying on
 * ConcurrencyError. Prints "ready" once the store is open, waits for a line on stdin (so that
 * several writers start together), then prints its event ids and conflict count as JSON and exits.
 *
 * Usage: node sqlite-racing-appender.js <compiled sqlite-event-store.js> <db file> <stream> <count> <writer name>
 */
const { randomUUID } = require('node:crypto');

const [adapterPath, filePath, streamId, countArg, writer] = process.argv.slice(2);
const { SqliteEventStore } = require(adapterPath);

async function main() {
  const store = new SqliteEventStore(filePath);
  process.stdout.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  process.stdin.pause();
  const eventIds = [];
  let conflicts = 0;
  for (let i = 0; i < Number(countArg); i++) {
    const event = {
      eventId: randomUUID(),
      type: 'ActivityLogged',
      schemaVersion: 1,
      data: { writer, index: i, title: '并发写入测试' },
      metadata: { actor: writer, recordedAt: new Date().toISOString(), source: 'cli', correlationId: randomUUID(), causationId: null },
    };
    for (;;) {
      const version = await store.streamVersion(streamId);
      try {
        await store.appendToStream(streamId, [event], version);
        break;
      } catch (error) {
        if (!error || error.name !== 'ConcurrencyError') throw error;
        conflicts += 1;
      }
    }
    eventIds.push(event.eventId);
  }
  await store.close();
  process.stdout.write(JSON.stringify({ eventIds, conflicts }));
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
