// The addresses of a municipality's pages (without the locale, which Link adds), in one place.
export function municipalityPaths(slug: string) {
  const home = `/${slug}`;
  return {
    home,
    dashboard: `${home}/dashboard`,
    branding: `${home}/branding`,
    messenger: `${home}/messenger`,
    newDialogue: `${home}/dialogues/new`,
    answerQueue: `${home}/staff/queue`,
    moderation: `${home}/moderation`,
    actors: `${home}/actors`,
    actorsManage: `${home}/actors/manage`,
    staff: `${home}/staff`,
    overview: `${home}/overview`,
    dialogue: (dialogue: string) => `${home}/${dialogue}`,
    manageDialogue: (dialogue: string) => `${home}/${dialogue}/manage`,
    contribution: (dialogue: string, id: string) => `${home}/${dialogue}/c/${id}`,
  };
}

/** The municipality's logo as we serve it: from our origin, re-encoded at upload (decision 036). */
export function municipalityLogoPath(municipalityId: string, version: number): string {
  return `/api/municipalities/${municipalityId}/logo?v=${version}`;
}
