// Loaded into the Next.js server process (scripts/next-server.ts: `node --import` this file):
// writes the TCP peer's address into the request header `x-mitreden-peer-address`, replacing
// any such header the client sent. Next.js itself only fills X-Forwarded-For when the client
// sent none, so without this a client could choose the address every per-address rate limit
// counts (lib/auth/client-address.ts).
import http from "node:http";

export const PEER_HEADER = "x-mitreden-peer-address";

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithPeer(event, ...args) {
  if (event === "request") {
    const [request] = args;
    request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? "";
  }
  return emit.call(this, event, ...args);
};
