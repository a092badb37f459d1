'use strict';
/**
 * Child process for the crash test: appends batches to a SQLite event store through the compiled
 * adapter in dist/ until it is killed, printing one line per committed batch.
 *
 * Usage: node sqlite-bulk-appender.js <compiled sqlite-event-store.js> <db file> <batch size> <streams>
 */
const { randomUUID } = require('node:crypto');

const [adapterPath, filePath, batchSizeArg, streamsArg] = process.argv.slice(2);
const batchSize = Number(batchSizeArg);
const streams = Number(streamsArg);
const { SqliteEventStore } = require(adapterPath);

function event(batch, index) {
  return {
    eventId: randomUUID(),
    type: 'ActivityLogged',
    schemaVersion: 1,
    data: { activityId: `act-${batch}-${index}`, orgId: 'org-branch-1', title: '批量导入的主题党日', kinds: ['theme-day'] },
    metadata: {
      actor: 'importer',
      recordedAt: new Date().toISOString(),
      source: 'import',
      correlationId: `batch-${batch}`,
      causationId: null,
    },
  };
}

async function main() {
  const store = new SqliteEventStore(filePath);
  for (let batch = 1; ; batch++) {
    const events = Array.from({ length: batchSize }, (_, i) => event(batch, i));
    const result = await store.appendToStream(`org-${batch % streams}`, events, 'any');
    process.stdout.write(`committed ${batch} ${result.lastPosition}\n`);
  }
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
