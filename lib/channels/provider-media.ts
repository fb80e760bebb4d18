import "server-only";
import { enqueue, type Transaction } from "@/lib/jobs/job-queue";
import { QUEUES } from "@/lib/jobs/queues";
import { loadChannel } from "./channel";
import type { InboundMedia } from "./conversation";
import { deleteTwilioMedia, twilioMediaOf, type TwilioMedia } from "./twilio";

// A voice note sent through Twilio stays stored at Twilio (in its account, reachable with the
// account's credentials) until someone deletes it (decision 045). We fetch it to check it and again
// when the person confirms; once the conversation no longer holds it — published (the audio is
// ours now), refused, replaced, cancelled, lapsed, STOP — it is deleted there, through the queue
// with retries. A note sent where none was asked for is deleted unfetched.

export type ChannelMediaDeleteJob = { channelId: string } & TwilioMedia;

/** Queues the deletion at the provider of every voice note in `media` (Twilio's; others are kept by the operator). */
export async function releaseMedia(channelId: string, media: readonly (InboundMedia | null | undefined)[], tx?: Transaction): Promise<number> {
  let queued = 0;
  for (const item of media) {
    const at = item?.provider === "twilio" ? twilioMediaOf(item.url) : null;
    if (!at) continue;
    await enqueue(QUEUES.channelMediaDelete, { channelId, ...at } satisfies ChannelMediaDeleteJob, { tx });
    queued += 1;
  }
  return queued;
}

/** The worker's side: one DELETE at the channel's own account (a channel deleted since: nothing to do). */
export async function deleteChannelMedia(job: ChannelMediaDeleteJob): Promise<{ deleted: number }> {
  const channel = await loadChannel(job.channelId);
  if (!channel || channel.provider !== "TWILIO") return { deleted: 0 };
  return { deleted: (await deleteTwilioMedia(channel, { messageSid: job.messageSid, mediaSid: job.mediaSid })) === "deleted" ? 1 : 0 };
}
