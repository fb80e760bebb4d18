// How long a contribution's title and text may be: the domain's schemas and the forms' `maxLength`
// read the same numbers (pure, so client forms may import it).

export const TITLE_MAX = 200;
export const BODY_MAX = 5000;
