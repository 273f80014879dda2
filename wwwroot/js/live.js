// The shared live connection: connect, reconnect forever, rejoin the session's group, and resync
// by seq so a page never misses or repeats an event. Pages give callbacks; this module owns order.
//
//   const live = connectLive({ sessionId, staff: false, onSnapshot, onEvent, onCounters, onStatus });
//   live.serverNow()  -> Date.now() corrected for the server's clock
//
// Public pages use /hubs/live; staff consoles use /hubs/console and follow both streams.
/* global signalR */
import { get } from './api.js';

const MAX_CATCH_UP_PAGES = 20;

export function connectLive(options) {
  const {
    sessionId, staff = false, onSnapshot = () => {}, onEvent = () => {}, onCounters = () => {},
    onMyQuestion = () => {}, onStatus = () => {}, hubUrl = staff ? '/hubs/console' : '/hubs/live',
  } = options;

  const seq = { public: -1, staff: -1 };
  let clockOffset = 0;
  let syncing = Promise.resolve();
  let buffer = [];
  let stopped = false;

  const connection = new signalR.HubConnectionBuilder()
    .withUrl(hubUrl, { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(30000, 500 * 2 ** Math.min(ctx.previousRetryCount, 6)) + Math.random() * 500 })
    .configureLogging(signalR.LogLevel.Warning)
    .build();

  connection.on('EventAppended', (e) => receive(e));
  connection.on('CountersChanged', (c) => onCounters(c));
  connection.on('MyQuestionChanged', (c) => onMyQuestion(c));
  connection.onreconnecting(() => onStatus('reconnecting'));
  connection.onreconnected(() => join());
  connection.onclose(() => { if (!stopped) { onStatus('offline'); setTimeout(start, 3000); } });

  function receive(e) {
    if (seq.public < 0) { buffer.push(e); return; }   // before the first snapshot
    syncing = syncing.then(() => apply(e));
  }

  async function apply(e) {
    const stream = e.stream === 'staff' ? 'staff' : 'public';
    if (e.seq <= seq[stream]) return;                // already applied (duplicate)
    if (e.seq > seq[stream] + 1) await catchUp(stream); // a gap: read what was missed
    if (e.seq === seq[stream] + 1) { seq[stream] = e.seq; onEvent(e); }
  }

  async function catchUp(stream) {
    const path = stream === 'staff' ? 'staff-events' : 'events';
    for (let page = 0; page < MAX_CATCH_UP_PAGES; page++) {
      const result = await get(`/api/sessions/${sessionId}/${path}?after=${seq[stream]}`);
      for (const e of result.events) {
        if (e.seq === seq[stream] + 1) { seq[stream] = e.seq; onEvent(e); }
      }
      if (!result.more) return;
    }
    await loadSnapshot();                            // far behind: start from a fresh snapshot
  }

  async function loadSnapshot() {
    const snapshot = await get(`/api/sessions/${sessionId}/${staff ? 'staff-snapshot' : 'snapshot'}`);
    seq.public = snapshot.seq;
    seq.staff = snapshot.staffSeq ?? -1;
    clockOffset = Date.parse(snapshot.serverTime) - Date.now();
    onSnapshot(snapshot);
  }

  async function join() {
    try {
      const joined = await connection.invoke('JoinSession', sessionId);
      clockOffset = Date.parse(joined.serverTime) - Date.now();
      if (seq.public < 0) {
        await loadSnapshot();
        const early = buffer; buffer = [];
        for (const e of early) syncing = syncing.then(() => apply(e));
      } else {
        // Back after a drop: read both streams from where we were.
        syncing = syncing.then(async () => {
          if (joined.seq > seq.public) await catchUp('public');
          if (staff && joined.staffSeq > seq.staff) await catchUp('staff');
        });
      }
      await syncing;
      onStatus('live');
    } catch (err) {
      onStatus('offline');
      console.warn('join failed', err);
    }
  }

  async function start() {
    if (stopped) return;
    onStatus('connecting');
    try {
      await connection.start();
      await join();
    } catch {
      onStatus('offline');
      setTimeout(start, 3000);
    }
  }

  start();

  return {
    connection,
    serverNow: () => Date.now() + clockOffset,
    invoke: (method, ...args) => connection.invoke(method, ...args),
    /** Forces a full reload of the state (after a long sleep of the device, say). */
    resync: () => { syncing = syncing.then(loadSnapshot); return syncing; },
    stop: () => { stopped = true; return connection.stop(); },
  };
}
