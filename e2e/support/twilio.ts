// The e2e server's Twilio (scripts/e2e-server.ts): a local server that speaks Twilio's Messages
// resource (tests/support/messenger-providers.ts) for this one account, which staff connect on the
// messenger page; what the app asked it to send is read from the mailbox port's /twilio-requests.
import { twilioSignature } from "../../tests/support/messenger-providers";

export const E2E_TWILIO_ACCOUNT_SID = "AC0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e";
export const E2E_TWILIO_AUTH_TOKEN = "e2e0twilio0auth0token00000000e2e";

/** One SMS as Twilio POSTs it to a channel's webhook, signed with the account's auth token. */
export function twilioInbound(webhookUrl: string, to: string, from: string, body: string, sequence: number) {
  const sid = `SM${String(sequence).padStart(32, "0")}`;
  const params: Record<string, string> = {
    ToCountry: "DE",
    SmsMessageSid: sid,
    NumMedia: "0",
    SmsSid: sid,
    SmsStatus: "received",
    Body: body,
    To: to,
    NumSegments: "1",
    MessageSid: sid,
    AccountSid: E2E_TWILIO_ACCOUNT_SID,
    From: from,
    ApiVersion: "2010-04-01",
  };
  return {
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": twilioSignature(E2E_TWILIO_AUTH_TOKEN, webhookUrl, params) },
    data: new URLSearchParams(params).toString(),
  };
}
