// The server POSTs to the endpoint a browser names, so endpoints are checked (decision 031): only
// https on port 443 of a public host; http://127.0.0.1 only when the test setting allows it; and
// at connect time a name that resolves to a private address is refused (DNS rebinding).
import { describe, expect, it } from "vitest";
import { checkPushEndpoint, isPublicAddress } from "@/lib/push/endpoint";
import { publicOnlyLookup } from "@/lib/push/transport";

describe("push endpoints", () => {
  it.each([
    "https://fcm.googleapis.com/fcm/send/dGVzdA:APA91b",
    "https://updates.push.services.mozilla.com/wpush/v2/gAAAAA",
    "https://web.push.apple.com/QGuQyavXutnMH",
    "https://wns2-par02p.notify.windows.com/w/?token=BQYAAA",
  ])("accepts %s", (endpoint) => {
    expect(checkPushEndpoint(endpoint).ok).toBe(true);
  });

  it.each(["https://push.example.org:443/p/1", "https://[2a00:1450:4001:80b::200a]/p", "https://push.services.mozilla.com/x", "https://evil-fcm.googleapis.com.example.org/x", "https://xpush.apple.com/x"])(
    "refuses %s: not a known push service, with PUSH_ALLOWED_HOSTS unset",
    (endpoint) => {
      expect(checkPushEndpoint(endpoint)).toEqual({ ok: false, reason: "not an allowed push service" });
    },
  );

  it("accepts other push services when PUSH_ALLOWED_HOSTS says so", () => {
    expect(checkPushEndpoint("https://push.example.org:443/p/1", { allowedHosts: "any" }).ok).toBe(true);
    expect(checkPushEndpoint("https://[2a00:1450:4001:80b::200a]/p", { allowedHosts: "any" }).ok).toBe(true);
    expect(checkPushEndpoint("https://a.push.example.org/p", { allowedHosts: ["*.push.example.org"] }).ok).toBe(true);
    expect(checkPushEndpoint("https://push.example.org/p", { allowedHosts: ["*.push.example.org"] }).ok).toBe(false);
    expect(checkPushEndpoint("https://fcm.googleapis.com/p", { allowedHosts: ["push.example.org"] }).ok).toBe(false);
    // "any" still refuses private addresses.
    expect(checkPushEndpoint("https://10.0.0.1/p", { allowedHosts: "any" })).toEqual({ ok: false, reason: "private address" });
  });

  it.each([
    ["http://fcm.googleapis.com/fcm/send/x", "not https"],
    ["https://fcm.googleapis.com:8443/x", "not port 443"],
    ["https://user:pw@fcm.googleapis.com/x", "credentials in the URL"],
    ["https://localhost/x", "not a public host name"],
    ["https://intranet/x", "not a public host name"],
    ["https://printer.local/x", "not a public host name"],
    ["https://127.0.0.1/x", "private address"],
    ["https://10.1.2.3/x", "private address"],
    ["https://169.254.169.254/latest/meta-data", "private address"],
    ["https://[::1]/x", "private address"],
    ["https://[fd00::1]/x", "private address"],
    ["https://[::ffff:192.168.0.1]/x", "private address"],
    // Security review: IPv4 inside IPv6, in every spelling the URL parser leaves or makes.
    ["https://[::7f00:1]/x", "private address"],
    ["https://[::127.0.0.1]/x", "private address"],
    ["https://[::ffff:a00:1]/x", "private address"],
    ["https://[::ffff:7f00:1]/x", "private address"],
    ["https://[::ffff:0:a9fe:a9fe]/x", "private address"],
    ["https://[64:ff9b::a00:1]/x", "private address"],
    ["https://[64:ff9b::7f00:1]/x", "private address"],
    ["https://[2002:7f00:1::]/x", "private address"],
    ["https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/x", "private address"],
    ["https://[3fff::1]/x", "private address"],
    ["http://127.0.0.1:3912/push/x", "not https"],
    ["file:///etc/passwd", "not https"],
    ["not a url", "not a URL"],
  ])("refuses %s (%s)", (endpoint, reason) => {
    expect(checkPushEndpoint(endpoint)).toEqual({ ok: false, reason });
  });

  it("accepts a local push service on http://127.0.0.1 only when tests allow it, and nothing else on loopback", () => {
    expect(checkPushEndpoint("http://127.0.0.1:3912/push/x", { allowLoopback: true }).ok).toBe(true);
    expect(checkPushEndpoint("http://localhost:3912/push/x", { allowLoopback: true }).ok).toBe(false);
    expect(checkPushEndpoint("http://10.0.0.1:3912/push/x", { allowLoopback: true }).ok).toBe(false);
  });

  it("knows public addresses from the others", () => {
    expect(["142.250.185.74", "2a00:1450:4001:80b::200a"].map(isPublicAddress)).toEqual([true, true]);
    expect(["100.64.0.1", "172.20.0.1", "0.0.0.0", "fe80::1", "224.0.0.1", "::ffff:127.0.0.1", "nonsense"].map(isPublicAddress)).toEqual(Array(7).fill(false));
    expect(["::7f00:1", "::a00:1", "::ffff:a9fe:a9fe", "::ffff:8.8.8.8", "64:ff9b::a9fe:a9fe", "::", "::1"].map(isPublicAddress)).toEqual(Array(7).fill(false));
  });

  it("refuses to connect to a name that resolves to a loopback address", async () => {
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => publicOnlyLookup("localhost", {}, (err) => resolve(err)));
    expect(error?.code).toBe("EPUSHADDRESS");
  });
});
