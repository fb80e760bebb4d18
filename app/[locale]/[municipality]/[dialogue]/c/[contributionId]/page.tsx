import { placeOptions } from "@/components/districts/place-options";
import { pickDistrictName } from "@/lib/districts/district-names";
import { placeValue } from "@/lib/districts/place";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CommentThread } from "@/components/comments/comment-thread";
import { CommentForm } from "@/components/comments/comment-forms";
import { CommentPageLinks } from "@/components/comments/comment-page-links";
import { AuthorLine } from "@/components/contributions/author-line";
import { EditContributionForm, WithdrawContributionForm } from "@/components/contributions/author-forms";
import { ResponseTimeline } from "@/components/contributions/response-timeline";
import { RespondSection } from "@/components/responses/respond-section";
import { ClientMessages } from "@/components/identity/client-messages";
import { KindBadge } from "@/components/kind-badge";
import { ReportDisclosure } from "@/components/moderation/comment-moderation";
import { BlockSenderForm } from "@/components/moderation/block-sender-form";
import { HiddenContribution } from "@/components/moderation/hidden-contribution";
import { MergedContributions } from "@/components/contributions/merged-contributions";
import { Section } from "@/components/section";
import { UserText } from "@/components/text/user-text";
import { Link } from "@/components/link";
import { FollowControl } from "@/components/follow/follow-control";
import { FirstPostPushPrompt } from "@/components/push/first-post-push-prompt";
import { MeetingSupports } from "@/components/meetings/meeting-supports";
import { SupportForm } from "@/components/supports/support-form";
import { TranslatedCommentBody } from "@/components/translations/translated-comment-body";
import { CheckTranslationForm, MachineTranslateForm, RequestTranslationForm, TranslateForm, type Target } from "@/components/translations/translation-forms";
import { TranslatedText } from "@/components/translations/translated-text";
import { OriginalNote, TranslationNote } from "@/components/translations/translation-note";
import { getViewer } from "@/lib/auth/get-viewer";
import { autonym, languageName } from "@/lib/i18n/language-names";
import { direction } from "@/lib/i18n/routing";
import { freePhotoPlaces } from "@/lib/images/limits";
import { getThemeNamer } from "@/lib/i18n/theme-names";
import { contentLanguage } from "@/lib/host-texts/pick-host-text";
import { dialoguePaths, localized, sitePaths, withQuery } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";
import { keptContributionFor, loadContributionPage, loadContributionTitle } from "@/lib/pages/contribution-page";
import { inReaderLanguage, type TranslationView } from "@/lib/translations/reader-language";
import { VoiceNoteView } from "@/components/voice/voice-note";
import { ContributionImages } from "@/components/images/contribution-images";
import { VoiceUntitled } from "@/components/voice/voice-pending";
import {
  createCommentAction,
  deleteCommentAction,
  supportAction,
  updateCommentAction,
  updateContributionAction,
  withdrawContributionAction,
} from "@/lib/actions/contributions/contribution-page";
import { addTranslationAction, checkTranslationAction, machineTranslateAction } from "@/lib/actions/translations/contribution-translation";
import { postResponseAction } from "@/lib/actions/responses/post-response";
import { blockSenderAction } from "@/lib/actions/moderation/moderation";
import { getFormatter } from "@/lib/i18n/format";

type Params = { locale: string; municipality: string; dialogue: string; contributionId: string };
type Props = { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // The same request-cached rows as the page's loader: no statement of its own.
  const title = await loadContributionTitle(await getViewer(), await params);
  // An untitled voice message (decision 033) is "Voice message" in the tab too.
  return title === null ? {} : { title: title || (await getTranslations("voice"))("untitled") };
}

export default async function ContributionPage({ params, searchParams }: Props) {
  const input = await params;
  const { locale } = input;
  const query = await searchParams;
  const showOriginal = query.original === "1";
  const viewer = await getViewer();
  // Everything the page shows and every permission below it, decided once (lib/pages/contribution-page.ts).
  const loaded = await loadContributionPage(viewer, input, query);
  if (!loaded || !loaded.shown) {
    // A merged contribution's address leads to the one it was merged into (decision 051).
    const kept = await keptContributionFor(viewer, input);
    if (kept) redirectTo(locale, withQuery(dialoguePaths(kept.dialogue).contribution(kept.id), { merged: 1 }));
  }
  if (!loaded) notFound();
  // A reader who is not signed in has no form on the page (every action asks for a session).
  if (!loaded.shown) {
    return (
      <ClientMessages namespaces={[]} forms={viewer !== null}>
        <HiddenContribution dialogue={loaded.dialogue} hidden={loaded.hidden} />
      </ClientMessages>
    );
  }
  const { dialogue, contribution, comments, verifiedRoles, translations, voiceNote, may } = loaded;
  const [t, tt, statuses, format, themeName] = await Promise.all([
    getTranslations("contributionPage"),
    getTranslations("translations"),
    getTranslations("statuses"),
    getFormatter(),
    getThemeNamer(),
  ]);

  const paths = dialoguePaths(dialogue);
  const page = { locale, municipality: dialogue.municipality.slug, dialogue: dialogue.slug, contributionId: contribution.id };
  const tb = await getTranslations("blockSender");
  const theme = dialogue.themes.find((candidate) => candidate.id === contribution.themeId);
  // The reader's UI language where someone translated it; the original one link away (?original=1).
  // The language the reader reads texts in: Einfache Sprache reads German ones (lib/host-texts).
  const reading = contentLanguage(locale);
  const translation = inReaderLanguage(translations.contribution, contribution.language, reading);
  const shown = translation && !showOriginal ? { title: translation.title ?? contribution.title, body: translation.body, language: translation.language } : contribution;
  const lang = { lang: shown.language, dir: direction(shown.language) };
  const pagePath = localized(locale, paths.contribution(contribution.id));
  const commentsPath = paths.contribution(contribution.id);
  // The same answers the server actions get from the policy, decided by the loader.
  const { edit: mayEdit, withdraw: mayWithdraw, comment: mayComment, translate: mayTranslate, check: mayCheck, machineTranslate: mayMachineTranslate } = may;
  const requestButton = (originalLanguage: string, target?: Target) =>
    may.requestTranslation && originalLanguage !== reading ? (
      <RequestTranslationForm action={machineTranslateAction.bind(null, page)} page={page} target={target} language={reading} languageLabel={languageName(reading, locale)} />
    ) : undefined;
  const translationLanguages = (original: string) =>
    dialogue.languages
      .filter((language) => language !== original)
      .map((language) => ({ value: language, label: autonym(language), lang: language, dir: direction(language) }));
  // A version of an answer or a comment, typed in by a translator, in a disclosure under it.
  const translateDisclosure = (target: Target, originalLanguage: string, open?: boolean) =>
    mayTranslate && (
      <details className="mt-1 text-sm" {...(open ? { open } : {})}>
        <summary className="cursor-pointer font-semibold text-brand">{tt("translate")}</summary>
        <div className="mt-2 text-base">
          <TranslateForm action={addTranslationAction.bind(null, page)} page={page} target={target} languages={translationLanguages(originalLanguage)} defaultLanguage={locale} />
        </div>
      </details>
    );
  // A comment's is a link to the same page with that one form open (decision 089): a page of many
  // comments sends one form, not a 14-language select under each.
  const translateComment = (commentId: string, originalLanguage: string) =>
    mayTranslate &&
    (loaded.openedForm?.act === "translate" && loaded.openedForm.commentId === commentId ? (
      translateDisclosure({ commentId }, originalLanguage, true)
    ) : (
      <p className="mt-1 text-sm">
        <Link href={paths.comment(contribution.id, commentId, "translate")} className="font-semibold text-brand">
          {tt("translate")}
        </Link>
      </p>
    ));
  const checkButton = (view: TranslationView) =>
    mayCheck && !view.checked && view.translatorId !== viewer?.id ? <CheckTranslationForm action={checkTranslationAction.bind(null, page)} page={page} translationId={view.id} /> : undefined;

  // Named only where enough contributions name the same district (decision 049).
  const districtName = contribution.shownDistrict ? pickDistrictName(contribution.shownDistrict, locale, dialogue.languages[0] ?? "de") : null;
  const postText = mayEdit ? await getTranslations("post") : null;
  const facts = [
    { label: t("theme"), value: theme ? themeName(theme) : "" },
    { label: t("status"), value: statuses(contribution.status) },
    { label: t("language"), value: languageName(contribution.language, locale) },
    ...(districtName
      ? [
          {
            label: t("district"),
            value: (
              <Link href={withQuery(paths.home, { district: contribution.districtId }, "contributions")} {...(districtName.language.split("-")[0] === locale.split("-")[0] ? {} : { lang: districtName.language, dir: direction(districtName.language) })}>
                {districtName.name}
              </Link>
            ),
          },
        ]
      : []),
  ];

  return (
    // Only for the messages that actions answer with (field errors, a report's thanks) and the
    // edit form's photo fields: the forms are server components around the one client <ActionForm>
    // (decision 040).
    <ClientMessages namespaces={["comments", "translations", "moderation", ...(may.edit ? (["images"] as const) : [])]} forms={viewer !== null}>
      {/* Right after a first post: switch on notifications for this phone? (JavaScript only, decision 031) */}
      {loaded.pushOffer && <FirstPostPushPrompt offer={loaded.pushOffer} />}
      <p className="text-sm">
        <Link href={paths.home}>{t("back")}</Link>
      </p>

      <article className="mt-4" aria-labelledby="contribution-title">
        <KindBadge kind={contribution.kind} />
        <h1 id="contribution-title" className="mt-2 text-3xl break-words" {...lang}>
          {shown.title || (voiceNote ? <VoiceUntitled /> : "")}
        </h1>
        {translation &&
          (showOriginal ? (
            <OriginalNote translationLanguage={translation.language} locale={locale} translationHref={pagePath} />
          ) : (
            <TranslationNote
              translation={translation}
              originalLanguage={contribution.language}
              locale={locale}
              originalHref={`${pagePath}?original=1`}
              check={checkButton(translation)}
            />
          ))}
        <AuthorLine
          contribution={contribution}
          roles={contribution.author ? verifiedRoles[contribution.author.id] : undefined}
          meetingTitle={loaded.meetingTitle}
          channelKind={may.readChannelKind ? contribution.channelOrigin?.kind : null}
        />
        {voiceNote && <VoiceNoteView note={voiceNote} audioHref={localized(locale, paths.voice(contribution.id))} transcriptHref={paths.transcript(contribution.id)} />}
        {may.receipt && (
          <p className="mt-2 text-sm">
            <Link href={paths.receipt(contribution.id)} className="font-semibold">
              {(await getTranslations("receiptSlip"))("link")}
            </Link>
          </p>
        )}
        <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
          {facts.map(({ label, value }) => (
            <div key={label}>
              <dt className="text-muted">{label}</dt>
              <dd className="font-medium">{value}</dd>
            </div>
          ))}
        </dl>
        <UserText text={shown.body} format="markdown" className="mt-4" {...lang} data-testid="contribution-body" />
        <ContributionImages images={loaded.images} contributionId={contribution.id} locale={locale} moderation={may.hideImages ? { languages: dialogue.languages } : null} />
        {!translation && !voiceNote?.pending && requestButton(contribution.language)}
        {contribution.editedAt && (
          <p className="mt-2 text-sm text-muted">
            {t("edited", { date: format.dateTime(contribution.editedAt, "moment") })}
          </p>
        )}
        {may.report && <ReportDisclosure dialogueId={dialogue.id} item={{ itemType: "contribution", itemId: contribution.id }} />}
        {loaded.senderBlock &&
          (loaded.senderBlock.blocked ? (
            <p className="mt-3 rounded border-s-4 border-danger p-3 text-sm font-semibold" data-testid="sender-blocked">
              {tb("blocked")}
            </p>
          ) : (
            <BlockSenderForm action={blockSenderAction} contributionId={contribution.id} />
          ))}
        {viewer && (
          <div className="mt-4">
            <FollowControl following={loaded.following} target="contribution" targetId={contribution.id} page={page} />
          </div>
        )}
      </article>

      {(mayTranslate || mayMachineTranslate) && !voiceNote?.pending && (
        <Section id="translate-heading" heading={tt("translate")} headingClassName="sr-only" className="mt-6 space-y-3">
          {mayTranslate && (
            <details className="rounded border border-line p-3">
              <summary className="cursor-pointer font-semibold text-brand">{tt("translate")}</summary>
              <p className="my-2 text-sm text-muted">{tt("translateHint")}</p>
              <TranslateForm action={addTranslationAction.bind(null, page)} page={page} languages={translationLanguages(contribution.language)} defaultLanguage={locale} />
            </details>
          )}
          {mayMachineTranslate && (
            <details className="rounded border border-line p-3">
              <summary className="cursor-pointer font-semibold text-brand">{tt("machineTranslate")}</summary>
              <p className="my-2 text-sm text-muted">{tt("machineHint")}</p>
              <MachineTranslateForm action={machineTranslateAction.bind(null, page)} page={page} languages={translationLanguages(contribution.language)} />
            </details>
          )}
        </Section>
      )}

      {(mayEdit || mayWithdraw) && (
        <Section id="own" heading={t("ownHeading")} headingClassName="sr-only" className="mt-6 space-y-3">
          {mayEdit && (
            <EditContributionForm
              fold={{ summary: t("edit"), hint: t("editHint") }}
              action={updateContributionAction.bind(null, page)}
              page={page}
              values={{ title: contribution.title, body: contribution.body, place: placeValue(contribution) }}
              photos={{
                free: freePhotoPlaces(loaded.images.length),
                current: loaded.images.flatMap((image, index) => (image.hiddenCategory ? [] : [{ id: image.id, number: index + 1, altText: image.altText }])),
                language: { lang: contribution.language, dir: direction(contribution.language) },
              }}
              places={placeOptions(loaded.districts, { locale, fallbackLanguage: dialogue.languages[0] ?? "de", notSaid: postText?.("placeNotSaid") ?? "", wholeTown: postText?.("placeWholeTown") ?? "" })}
            />
          )}
          {mayWithdraw && (
            <details className="rounded border border-line p-3">
              <summary className="cursor-pointer font-semibold text-danger">{t("withdraw")}</summary>
              <p className="my-2 text-sm text-muted">{t("withdrawHint")}</p>
              <WithdrawContributionForm action={withdrawContributionAction.bind(null, page)} page={page} />
            </details>
          )}
        </Section>
      )}

      <Section id="supports-heading" anchor="supports" heading={t("supportsHeading")} headingClassName="text-xl" className="mt-8">
        <SupportForm
          action={supportAction.bind(null, page)}
          contributionId={contribution.id}
          supported={contribution.supportedByViewer}
          supports={contribution.supports}
          mayGive={may.support}
          mayWithdraw={may.withdrawSupport}
        />
        {!viewer && (
          <p className="mt-3 text-sm">
            <Link href={sitePaths.signIn(localized(locale, paths.contribution(contribution.id)))}>
              {t("signInToTakePart")}
            </Link>
          </p>
        )}
        <MeetingSupports page={page} tallies={loaded.meetingSupports.tallies} meetings={loaded.meetingSupports.meetings} />
      </Section>

      <ResponseTimeline
        responses={contribution.responses}
        municipalitySlug={dialogue.municipality.slug}
        languageFallback={dialogue.languages[0]!}
        body={(response) => {
          const responseTranslation = inReaderLanguage(translations.responses.get(response.id), response.language, reading);
          const anchor = `#response-${response.id}`;
          return (
            <div className="mt-2">
              <TranslatedText
                original={response}
                translation={responseTranslation}
                showOriginal={showOriginal}
                locale={locale}
                originalHref={`${pagePath}?original=1${anchor}`}
                translationHref={`${pagePath}${anchor}`}
                format="markdown"
                testId="response-body"
                check={responseTranslation && checkButton(responseTranslation)}
                request={requestButton(response.language, { responseId: response.id })}
              />
              {translateDisclosure({ responseId: response.id }, response.language)}
            </div>
          );
        }}
      />
      {may.respond && <RespondSection page={page} action={postResponseAction.bind(null, page)} languages={dialogue.languages} actors={loaded.actors} />}
      <MergedContributions contributionId={contribution.id} merged={loaded.mergedInto} mayMerge={may.merge} paths={paths} arrivedFromMerged={query.merged === "1"} />

      <Section id="comments-heading" anchor="comments" heading={t("commentsHeading", { count: comments.total })} className="mt-10">
        <CommentPageLinks path={commentsPath} page={comments} />
        {comments.threads.length === 0 ? (
          <p className="mt-3">{t("noComments")}</p>
        ) : (
          <ol className="mt-3 space-y-4">
            {comments.threads.map((comment) => (
              <li key={comment.id}>
                <CommentThread
                  comment={comment}
                  dialogueId={dialogue.id}
                  may={{ reply: mayComment, comments: loaded.commentMay }}
                  hideNotices={loaded.hideNotices}
                  page={page}
                  verifiedRoles={verifiedRoles}
                  voices={loaded.commentVoices}
                  opened={loaded.openedForm}
                  actions={{ create: createCommentAction.bind(null, page), update: updateCommentAction.bind(null, page), delete: deleteCommentAction.bind(null, page) }}
                  body={(shownComment) => {
                    const commentTranslation = inReaderLanguage(translations.comments.get(shownComment.id), shownComment.language, reading);
                    return (
                      <TranslatedCommentBody
                        comment={shownComment}
                        translation={commentTranslation}
                        locale={locale}
                        check={commentTranslation && checkButton(commentTranslation)}
                        translate={
                          // A voice comment pending its transcript has no words to translate yet (decision 046).
                          !shownComment.awaitingTranscript && (
                            <>
                              {!commentTranslation && requestButton(shownComment.language, { commentId: shownComment.id })}
                              {translateComment(shownComment.id, shownComment.language)}
                            </>
                          )
                        }
                      />
                    );
                  }}
                />
              </li>
            ))}
          </ol>
        )}
        <CommentPageLinks path={commentsPath} page={comments} />
        {mayComment && (
          <div className="mt-6 rounded border border-line bg-surface p-4">
            <CommentForm action={createCommentAction.bind(null, page)} page={page} label={t("commentLabel")} voiceHref={localized(locale, paths.voiceComment(contribution.id))} />
          </div>
        )}
      </Section>
    </ClientMessages>
  );
}
