import { getViewer } from "@/lib/auth/get-viewer";
import { publicUrl } from "@/lib/env";
import { findDialogue } from "@/lib/dialogues/find-dialogue";
import { APP_ERROR_STATUS, isAppError } from "@/lib/errors";
import { hasLocale } from "next-intl";
import { availableRoute } from "@/lib/health/available-route";
import { routing } from "@/lib/i18n/routing";
import { listMeetings } from "@/lib/meetings/list-meetings";
import { meetingCalendar } from "@/lib/meetings/meeting-calendar";
import { dialoguePaths, localized } from "@/lib/routes/paths";

type Context = { params: Promise<{ locale: string; municipality: string; dialogue: string }> };

/**
 * The dialogue's meetings as an iCalendar file, or one meeting's with `?meeting=<id>`. The
 * policy decides (dialogue:read): a draft's meetings only for its host team.
 */
export const GET = availableRoute(async (request: Request, { params }: Context): Promise<Response> => {
  const { locale, municipality, dialogue: slug } = await params;
  const notFound = () => new Response(null, { status: APP_ERROR_STATUS.NOT_FOUND });
  if (!hasLocale(routing.locales, locale)) return notFound();
  const viewer = await getViewer();
  const dialogue = await findDialogue(viewer, { municipalitySlug: municipality, dialogueSlug: slug });
  if (!dialogue) return notFound();
  let meetings;
  try {
    meetings = await listMeetings(viewer, { dialogueId: dialogue.id });
  } catch (error) {
    if (isAppError(error)) return new Response(null, { status: error.status });
    throw error;
  }
  const only = new URL(request.url).searchParams.get("meeting");
  const chosen = [...meetings.upcoming, ...meetings.past].filter((meeting) => only === null || meeting.id === only);
  if (only !== null && chosen.length === 0) return notFound();

  // The public origin, not the request's: behind a proxy that names the app's internal address.
  const pageUrl = new URL(publicUrl(localized(locale, dialoguePaths(dialogue).meetings)));
  const body = meetingCalendar({ name: dialogue.title, url: pageUrl.toString(), host: pageUrl.host, meetings: chosen });
  const filename = only === null ? `${dialogue.slug}.ics` : `${dialogue.slug}-${only}.ics`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      // A draft's meetings are for its host team only: never in a shared cache.
      "Cache-Control": dialogue.phase === "DRAFT" ? "private, no-store" : "public, max-age=300",
    },
  });
});
