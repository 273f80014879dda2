// Peer (b): socket.io 4 on Node doing the same broadcast as InquiryLive's /hubs/live: viewers send
// "JoinSession" with a session id and join its room; POST /broadcast?session=…&bytes=256 emits one
// "EventAppended" shaped like InquiryLive's LiveEvent to the room. WebSocket transport only.
const http = require('node:http');
const { Server } = require('socket.io');

const port = Number(process.env.PORT || 5183);
let seq = 0;
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (req.method === 'POST' && url.pathname === '/broadcast') {
    const session = url.searchParams.get('session');
    const bytes = Number(url.searchParams.get('bytes') || 256);
    seq += 1;
    const e = { sessionId: session, stream: 'public', seq, type: 'session.stateChanged', at: new Date().toISOString(),
      data: { sessionId: session, padding: 'x'.repeat(Math.max(0, bytes - 200)) } };
    io.to(session).emit('EventAppended', e);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ seq }));
    return;
  }
  res.writeHead(404); res.end();
});
const io = new Server(server, { transports: ['websocket'], serveClient: false, perMessageDeflate: false });
io.on('connection', (socket) => {
  socket.on('JoinSession', (sessionId, ack) => {
    socket.join(sessionId);
    if (typeof ack === 'function') ack({ sessionId, seq, serverTime: new Date().toISOString() });
  });
});
server.listen(port, '127.0.0.1', () => console.log(`socket.io peer on http://127.0.0.1:${port}`));
