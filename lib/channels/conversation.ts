import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { env, publicOrigin } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import type { ContributionKind, Perspective } from "@/lib/generated/prisma/enums";
import { autonym } from "@/lib/i18n/language-names";
import { locales, type AppLocale } from "@/lib/i18n/routing";
import { translatorFor } from "@/lib/i18n/translator";
import { enqueue } from "@/lib/jobs/job-queue";
import { QUEUES } from "@/lib/jobs/queues";
import { dialogueResource } from "@/lib/policy/resources";
import { consume } from "@/lib/rate-limit";
import { createReceipt } from "@/lib/receipts/create-receipt";
import { formatReceiptCode, receiptPath } from "@/lib/receipts/receipt-code";
import { toAsciiDigits } from "@/lib/text/ascii-digits";
import { DEFAULT_THEME_KEYS } from "@/lib/themes/default-themes";
import { checkAudio, type CheckedAudio } from "@/lib/voice/audio-content";
import { titleFromTranscript } from "@/lib/voice/machine-transcribe";
import { claimVoiceQuota } from "@/lib/voice/voice-quota";
import { releaseMedia } from "./provider-media";
import { contentLanguageOf } from "@/lib/contributions/create-contribution";
import { BODY_MAX } from "@/lib/contributions/limits";
import { followOnTakingPart } from "@/lib/notifications/follows";
import type { ChannelConfig } from "./channel";
import { deleteContact } from "./contacts";
import { answerWord, answerWordsIn } from "./news";
import { fetchSignalAttachment } from "./signal";
import { sendToContact, sendToSealedAddress } from "./send";
import { fetchTwilioMedia } from "./twilio";

// The short conversation by SMS / WhatsApp / Signal (decision 045): language (by number, once),
// dialogue (keyword or invitation code), need or proposal, theme, the text or a voice note, the
// person's perspective and whether others may see it, the read-back, and a confirmation. Only
// the confirmation publishes anything; a conversation left alone lapses after CONVERSATION_MINUTES.
// Every answer is short (SMS) and in the person's language; menus are numbered, and digits of
// any script count.

export const CONVERSATION_MINUTES = 30;
const MAX_AUDIO_BYTES = 5 * 1024 * 1024;

/** A voice note as the provider keeps it: fetched to check it, and again when confirmed. */
export type InboundMedia = { provider: "twilio"; url: string; contentType: string } | { provider: "signal"; id: string; contentType: string };

export type InboundMessage = { contactId: string; text: string; media: InboundMedia[] };

type Step = "language" | "dialogue" | "kind" | "theme" | "content" | "perspective" | "show" | "confirm";

type State = {
  step: Step;
  dialogueId?: string;
  kind?: ContributionKind;
  themeIds?: string[];
  themeId?: string;
  text?: string;
  voice?: { media: InboundMedia; durationMs: number | null };
  perspective?: Perspective;
  show?: boolean;
};

const PERSPECTIVES = ["LIVED_EXPERIENCE", "LOCAL_ACTOR", "NOT_STATED"] as const satisfies readonly Perspective[];
const KINDS = ["NEED", "PROPOSAL"] as const satisfies readonly ContributionKind[];

/**
 * Words that end everything, in the UI languages and as people type them: the number is deleted.
 * Compared after trimming, lower-casing and dropping punctuation.
 */
export const STOP_WORDS = new Set([
  "stop", "stopp", "end", "unsubscribe", "quit", "arret", "arrêt", "stoppen", "abmelden", "ende",
  "توقف", "ایست", "بس", "стоп", "dur", "durdur", "bes", "rawestîne", "rawestine", "jooji", "ጠጠው", "ደው", "ደው በል",
]);

export function isStopWord(text: string): boolean {
  return STOP_WORDS.has(text.trim().toLowerCase().replace(/[.!。،؛,;:?؟\s]+$/u, "").replace(/^[\s.!]+/u, ""));
}

/** The number a person replied with (any script's digits), or null. */
function choice(text: string, count: number): number | null {
  const digits = toAsciiDigits(text).trim().replace(/[.)\s]+$/, "");
  if (!/^\d{1,2}$/.test(digits)) return null;
  const value = Number(digits);
  return value >= 1 && value <= count ? value : null;
}

const numbered = (items: string[]) => items.map((item, index) => `${index + 1} ${item}`).join("\n");

/** The numbered list of UI languages, each named in itself, sent before anything else. */
async function languageMenu(municipalityLocale: string): Promise<string> {
  const t = await translatorFor(municipalityLocale, "messenger");
  return `${t("chooseLanguage")}\n${numbered(locales.map((locale) => autonym(locale)))}`;
}

async function themeNames(dialogueId: string, locale: string) {
  const [themes, t] = await Promise.all([
    db.dialogueTheme.findMany({ where: { dialogueId }, select: { theme: { select: { id: true, key: true, name: true, position: true } } } }),
    translatorFor(locale, "themes"),
  ]);
  return themes
    .map(({ theme }) => theme)
    .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
    .map((theme) => ({ id: theme.id, name: theme.key && (DEFAULT_THEME_KEYS as readonly string[]).includes(theme.key) ? t(theme.key) : theme.name }));
}

/** A keyword (the dialogue's short name in its address) or an invitation code of the channel's municipality. */
async function findDialogue(municipalityId: string, text: string) {
  const word = toAsciiDigits(text).trim();
  if (!word || word.length > 80) return null;
  const bySlug = await db.dialogue.findFirst({ where: { municipalityId, slug: word.toLowerCase() }, select: { id: true, title: true } });
  if (bySlug) return bySlug;
  const code = word.toUpperCase().replace(/[\s\-–—_.]/g, "");
  const invitation = await db.invitation.findFirst({
    where: { code, revokedAt: null, expiresAt: { gt: new Date() }, dialogue: { municipalityId } },
    select: { dialogue: { select: { id: true, title: true } } },
  });
  return invitation?.dialogue ?? null;
}

function sameMedia(a: InboundMedia, b: InboundMedia): boolean {
  return a.provider === "twilio" && b.provider === "twilio" ? a.url === b.url : a.provider === "signal" && b.provider === "signal" && a.id === b.id;
}

async function loadMedia(channel: ChannelConfig, media: InboundMedia): Promise<Uint8Array | null> {
  if (media.provider === "twilio" && channel.provider === "TWILIO") return fetchTwilioMedia(channel, media.url, MAX_AUDIO_BYTES);
  if (media.provider === "signal" && channel.provider === "SIGNAL") return fetchSignalAttachment(channel, media.id, MAX_AUDIO_BYTES);
  return null;
}

async function checkedVoice(channel: ChannelConfig, media: InboundMedia): Promise<{ bytes: Uint8Array; checked: CheckedAudio } | null> {
  const bytes = await loadMedia(channel, media);
  if (!bytes) return null;
  try {
    return { bytes, checked: await checkAudio(bytes) };
  } catch (error) {
    if (isAppError(error)) return null;
    throw error;
  }
}

/**
 * Takes one inbound message through the conversation and queues the answers, in the same
 * transaction that stores the conversation's next step.
 */
export async function converse(channel: ChannelConfig, message: InboundMessage): Promise<{ replies: number }> {
  const contact = await db.channelContact.findUnique({
    where: { id: message.contactId },
    select: { id: true, kind: true, locale: true, state: true, stateExpiresAt: true, userId: true, addressEncrypted: true, addressHash: true },
  });
  if (!contact) return { replies: 0 };
  const municipality = await db.municipality.findUniqueOrThrow({ where: { id: channel.municipalityId }, select: { defaultLocale: true } });

  // A voice note the conversation holds at the provider until it is published or dropped.
  const held = (contact.state as State | null)?.voice?.media ?? null;

  // STOP, in any state and any language: a goodbye to the sealed address, then the number is gone.
  if (isStopWord(message.text)) {
    const t = await translatorFor(contact.locale ?? municipality.defaultLocale, "messenger");
    await db.$transaction(async (tx) => {
      await sendToSealedAddress(channel.id, contact.kind, contact.addressEncrypted, t("stopped"), { tx });
      await deleteContact(contact.id, tx);
      await releaseMedia(channel.id, [held, ...message.media], tx);
    });
    return { replies: 1 };
  }

  const replies: string[] = [];
  let state = (contact.state as State | null) ?? null;
  let locale = contact.locale;
  if (state && contact.stateExpiresAt && contact.stateExpiresAt < new Date()) {
    if (locale && state.step !== "dialogue") replies.push((await translatorFor(locale, "messenger"))("expired"));
    state = locale ? { step: "dialogue" } : null;
  }

  // "Each answer at once" or "one message a day" (decision 052): a keyword between contributions,
  // in any language; in the middle of one, the same word is what the person says.
  const answers = locale && (!state || state.step === "dialogue") ? answerWord(message.text) : null;
  if (answers) {
    const t = await translatorFor(locale!, "messenger");
    const words = answerWordsIn(locale!);
    replies.push(answers === "now" ? t("answersNowSet", { daily: words.daily }) : t("answersDailySet", { now: words.now }));
  } else {
    const next = await step(channel, contact, locale, state, message, replies, municipality.defaultLocale);
    state = next.state;
    locale = next.locale;
  }
  const now = new Date();
  await db.$transaction(async (tx) => {
    await tx.channelContact.update({
      where: { id: contact.id },
      data: {
        locale,
        state: state ? (state as object) : Prisma.DbNull,
        stateExpiresAt: state ? new Date(now.getTime() + CONVERSATION_MINUTES * 60_000) : null,
        lastInboundAt: now,
        ...(answers ? { answersNow: answers === "now" } : {}),
      },
    });
    if (locale) await tx.user.update({ where: { id: contact.userId }, data: { locale } });
    for (const reply of replies) await sendToContact(contact.id, reply, { tx });
    // What the next step no longer holds goes at the provider: published, refused, replaced, cancelled, lapsed, or never asked for.
    const kept = state?.voice?.media ?? null;
    await releaseMedia(channel.id, [held, ...message.media].filter((media) => media && !(kept && sameMedia(media, kept))), tx);
  });
  return { replies: replies.length };
}

type Contact = { id: string; kind: string; userId: string; addressHash: string };

async function step(
  channel: ChannelConfig,
  contact: Contact,
  locale: string | null,
  state: State | null,
  message: InboundMessage,
  replies: string[],
  municipalityLocale: string,
): Promise<{ state: State | null; locale: string | null }> {
  // The first message, whatever it says: the languages, by number.
  if (!locale) {
    if (state?.step === "language") {
      const picked = choice(message.text, locales.length);
      if (picked) {
        const chosen = locales[picked - 1]!;
        replies.push((await translatorFor(chosen, "messenger"))("whichDialogue"));
        return { state: { step: "dialogue" }, locale: chosen };
      }
    }
    replies.push(await languageMenu(municipalityLocale));
    return { state: { step: "language" }, locale: null };
  }
  const t = await translatorFor(locale, "messenger");
  const tKinds = await translatorFor(locale, "kinds");
  const tPerspectives = await translatorFor(locale, "perspectives");
  const text = message.text.trim();

  const askKind = (title: string): State => {
    replies.push(`${title}\n${t("chooseKind")}\n${numbered(KINDS.map((kind) => tKinds(kind)))}`);
    return { step: "kind" };
  };
  const askPerspective = () => replies.push(`${t("choosePerspective")}\n${numbered(PERSPECTIVES.map((p) => tPerspectives(p)))}`);
  const notUnderstood = () => replies.push(t("notUnderstood"));

  switch (state?.step ?? "dialogue") {
    case "language":
    case "dialogue": {
      const dialogue = text ? await findDialogue(channel.municipalityId, text) : null;
      if (!dialogue) {
        // A returning person's greeting is not a guess; a typed code that leads nowhere is.
        if (state?.step === "dialogue" && text) {
          try {
            await consume("channelCodeMissPerNumber", contact.addressHash);
          } catch (error) {
            if (!isAppError(error, "RATE_LIMITED")) throw error;
            replies.push(t("tooManyTries", { minutes: (error.details as { retryAfterMinutes: number }).retryAfterMinutes }));
            return { state: { step: "dialogue" }, locale };
          }
          replies.push(t("unknownDialogue"));
        } else replies.push(t("whichDialogue"));
        return { state: { step: "dialogue" }, locale };
      }
      const resource = await dialogueResource(dialogue.id);
      if (resource.phase !== "COLLECTING") {
        replies.push(t("notCollecting", { dialogue: dialogue.title }));
        return { state: { step: "dialogue" }, locale };
      }
      return { state: { ...askKind(dialogue.title), dialogueId: dialogue.id }, locale };
    }
    case "kind": {
      const picked = choice(text, KINDS.length);
      if (!picked) {
        notUnderstood();
        return { state: askKindAgain(), locale };
      }
      const kind = KINDS[picked - 1]!;
      const themes = await themeNames(state!.dialogueId!, locale);
      if (themes.length === 1) {
        replies.push(t("askContent", { kind: tKinds(kind) }));
        return { state: { ...state!, step: "content", kind, themeId: themes[0]!.id }, locale };
      }
      replies.push(`${t("chooseTheme")}\n${numbered(themes.map((theme) => theme.name))}`);
      return { state: { ...state!, step: "theme", kind, themeIds: themes.map((theme) => theme.id) }, locale };
    }
    case "theme": {
      const picked = choice(text, state!.themeIds!.length);
      if (!picked) {
        notUnderstood();
        return { state: state!, locale };
      }
      replies.push(t("askContent", { kind: tKinds(state!.kind!) }));
      return { state: { ...state!, step: "content", themeId: state!.themeIds![picked - 1]! }, locale };
    }
    case "content": {
      const audio = message.media.find((media) => media.contentType.startsWith("audio/"));
      if (audio) {
        const voice = await checkedVoice(channel, audio);
        if (!voice) {
          replies.push(t("voiceInvalid"));
          return { state: state!, locale };
        }
        askPerspective();
        return { state: { ...state!, step: "perspective", text: undefined, voice: { media: audio, durationMs: voice.checked.durationMs } }, locale };
      }
      if (!text) {
        replies.push(t("askContent", { kind: tKinds(state!.kind!) }));
        return { state: state!, locale };
      }
      if (text.length > BODY_MAX) {
        replies.push(t("tooLong", { max: BODY_MAX }));
        return { state: state!, locale };
      }
      askPerspective();
      return { state: { ...state!, step: "perspective", text, voice: undefined }, locale };
    }
    case "perspective": {
      const picked = choice(text, PERSPECTIVES.length);
      if (!picked) {
        notUnderstood();
        askPerspective();
        return { state: state!, locale };
      }
      const perspective = PERSPECTIVES[picked - 1]!;
      if (perspective === "NOT_STATED") return readBack({ ...state!, perspective, show: false });
      replies.push(t("askShowPerspective"));
      return { state: { ...state!, step: "show", perspective }, locale };
    }
    case "show": {
      const picked = choice(text, 2);
      if (!picked) {
        notUnderstood();
        replies.push(t("askShowPerspective"));
        return { state: state!, locale };
      }
      return readBack({ ...state!, show: picked === 1 });
    }
    case "confirm": {
      const picked = choice(text, 2);
      if (!picked) {
        notUnderstood();
        return readBack(state!);
      }
      if (picked === 2) {
        replies.push(t("cancelled"));
        return { state: null, locale };
      }
      const published = await publish(channel, contact, locale, state!);
      if (!published) {
        replies.push(t("voiceInvalid"));
        return { state: { ...state!, step: "content", voice: undefined }, locale };
      }
      if ("limited" in published) {
        replies.push(t("tooManyTries", { minutes: published.limited }));
        return { state: null, locale };
      }
      if ("closed" in published) {
        replies.push(t("notCollecting", { dialogue: published.closed }));
        return { state: null, locale };
      }
      const hint = t("answersHint", { now: answerWordsIn(locale).now });
      replies.push(`${t("published", { code: formatReceiptCode(published.code), link: `${publicOrigin()}${receiptPath(locale, published.code)}` })}\n${hint}`);
      return { state: null, locale };
    }
  }

  function askKindAgain(): State {
    replies.push(`${t("chooseKind")}\n${numbered(KINDS.map((kind) => tKinds(kind)))}`);
    return state!;
  }

  async function readBack(draft: State): Promise<{ state: State; locale: string }> {
    const themes = await themeNames(draft.dialogueId!, locale!);
    const theme = themes.find((candidate) => candidate.id === draft.themeId)?.name ?? "";
    const words = draft.voice ? t("voiceNote") : `"${draft.text}"`;
    const perspective = draft.perspective === "NOT_STATED" ? tPerspectives("NOT_STATED") : `${tPerspectives(draft.perspective!)} (${t(draft.show ? "shown" : "notShown")})`;
    replies.push(t("readBack", { kind: tKinds(draft.kind!), theme, words, perspective }));
    return { state: { ...draft, step: "confirm" }, locale: locale! };
  }
}

/**
 * The confirmation: the contribution (source MESSENGER, no author, the person's perspective,
 * read back now), its voice note, its receipt, the channel's trace and the follow, in one
 * transaction. Null when the voice note can no longer be fetched or checked.
 */
async function publish(channel: ChannelConfig, contact: Contact, locale: string, draft: State): Promise<{ code: string } | { closed: string } | { limited: number } | null> {
  const resource = await dialogueResource(draft.dialogueId!);
  const dialogue = await db.dialogue.findUniqueOrThrow({ where: { id: draft.dialogueId! }, select: { title: true, municipalityId: true } });
  if (dialogue.municipalityId !== channel.municipalityId || resource.phase !== "COLLECTING") return { closed: dialogue.title };
  const voice = draft.voice ? await checkedVoice(channel, draft.voice.media) : null;
  if (draft.voice && !voice) return null;
  const language = contentLanguageOf(locale as AppLocale);
  return db.$transaction(async (tx) => {
    if (voice) {
      try {
        await claimSenderVoiceQuota(tx, contact.addressHash);
        // The dialogue's storage (decision 033); the contact's own account authors nothing, so only that counts there.
        await claimVoiceQuota(tx, { userId: contact.userId, dialogueId: draft.dialogueId!, byteSize: voice.checked.byteSize });
      } catch (error) {
        if (isAppError(error, "RATE_LIMITED")) return { limited: (error.details as { retryAfterMinutes: number }).retryAfterMinutes };
        if (isAppError(error, "INVALID_INPUT")) return null;
        throw error;
      }
    }
    const contribution = await tx.contribution.create({
      data: {
        dialogueId: draft.dialogueId!,
        themeId: draft.themeId!,
        kind: draft.kind!,
        title: voice ? "" : titleFromTranscript(draft.text!),
        body: voice ? "" : draft.text!,
        awaitingTranscript: voice !== null,
        language,
        authorId: null,
        authorPerspective: draft.perspective!,
        voiceShowsPerspective: draft.show === true,
        source: "MESSENGER",
        readBackConfirmedAt: new Date(),
      },
      select: { id: true },
    });
    if (voice) {
      const created = await tx.voiceMessage.create({
        data: {
          contributionId: contribution.id,
          mimeType: voice.checked.mimeType,
          byteSize: voice.checked.byteSize,
          durationMs: voice.checked.durationMs,
          audio: { create: { bytes: Buffer.from(voice.bytes) } },
        },
        select: { id: true },
      });
      if (env().TRANSCRIBE_URL) await enqueue(QUEUES.voiceTranscription, { voiceMessageId: created.id }, { tx });
    }
    await tx.channelContribution.create({ data: { contributionId: contribution.id, channelId: channel.id, kind: contact.kind as never, senderHash: contact.addressHash } });
    await followOnTakingPart(tx, contact.userId, contribution.id);
    const code = await createReceipt(tx, contribution.id);
    return { code };
  });
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * A sender's voice notes count as a web speaker's do (VOICE_MESSAGES_PER_HOUR and _PER_DAY,
 * decision 033/046): counted from those stored, by the sender's HMAC, under an advisory lock.
 */
async function claimSenderVoiceQuota(tx: Prisma.TransactionClient, senderHash: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`voice-sender:${senderHash}`}, 0))`;
  const now = Date.now();
  const sent = await tx.voiceMessage.findMany({
    where: { createdAt: { gt: new Date(now - 24 * HOUR_MS) }, contribution: { channelOrigin: { senderHash } } },
    select: { createdAt: true },
  });
  const lastHour = sent.filter((message) => message.createdAt.getTime() > now - HOUR_MS).length;
  if (lastHour >= env().VOICE_MESSAGES_PER_HOUR || sent.length >= env().VOICE_MESSAGES_PER_DAY) {
    throw new AppError("RATE_LIMITED", "too many voice messages", { retryAfterMinutes: lastHour >= env().VOICE_MESSAGES_PER_HOUR ? 60 : 24 * 60 });
  }
}
