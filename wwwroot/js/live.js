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
// While the WebSocket is down (a proxy that blocks it, a phone between cells) the page still
// follows the session by reading /events over plain HTTP this often.
const POLL_WHILE_DISCONNECTED_MS = 5000;

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
  let connected = false;
  let snapshotLoaded = false;

  const connection = new signalR.HubConnectionBuilder()
    .withUrl(hubUrl, { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(30000, 500 * 2 ** Math.min(ctx.previousRetryCount, 6)) + Math.random() * 500 })
    .configureLogging(signalR.LogLevel.Warning)
    .build();

  connection.on('EventAppended', (e) => receive(e));
  connection.on('CountersChanged', (c) => onCounters(c));
  connection.on('MyQuestionChanged', (c) => onMyQuestion(c));
  connection.onreconnecting(() => { connected = false; onStatus('reconnecting'); });
  connection.onreconnected(() => join());
  connection.onclose(() => { connected = false; if (!stopped) { onStatus('offline'); setTimeout(start, 3000); } });

  // Everything that touches seq runs in this one queue, in order; a failure is logged and the
  // queue goes on (the next event or poll repairs any gap).
  function enqueue(task) {
    syncing = syncing.then(task).catch((err) => console.warn('live sync', err));
    return syncing;
  }

  function receive(e) {
    if (seq.public < 0) { buffer.push(e); return; }   // before the first snapshot
    enqueue(() => apply(e));
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
    snapshotLoaded = true;
    onSnapshot(snapshot);
    const early = buffer; buffer = [];
    for (const e of early) enqueue(() => apply(e));
  }

  // The state comes over HTTP at once, before (and whether or not) the WebSocket connects.
  function loadFirstSnapshot() {
    return enqueue(() => (snapshotLoaded ? null : loadSnapshot()));
  }

  async function pollWhileDisconnected() {
    if (stopped) return;
    if (!connected) {
      enqueue(async () => {
        if (!snapshotLoaded) { await loadSnapshot(); return; }
        await catchUp('public');
        if (staff) await catchUp('staff');
      });
      await syncing;
    }
    setTimeout(pollWhileDisconnected, POLL_WHILE_DISCONNECTED_MS);
  }

  async function join() {
    try {
      const joined = await connection.invoke('JoinSession', sessionId);
      clockOffset = Date.parse(joined.serverTime) - Date.now();
      if (!snapshotLoaded) {
        enqueue(() => (snapshotLoaded ? null : loadSnapshot()));
      } else {
        // Back after a drop: read both streams from where we were.
        enqueue(async () => {
          if (joined.seq > seq.public) await catchUp('public');
          if (staff && joined.staffSeq > seq.staff) await catchUp('staff');
        });
      }
      await syncing;
      connected = true;
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

  loadFirstSnapshot();
  start();
  setTimeout(pollWhileDisconnected, POLL_WHILE_DISCONNECTED_MS);

  return {
    connection,
    serverNow: () => Date.now() + clockOffset,
    invoke: (method, ...args) => connection.invoke(method, ...args),
    /** Forces a full reload of the state (after a long sleep of the device, say). */
    resync: () => enqueue(loadSnapshot),
    stop: () => { stopped = true; return connection.stop(); },
  };
}
