import type { ContributionSeed } from "../types";
import { COUNSELLING_AND_HEALTH } from "./counselling-and-health";
import { ENCOUNTER_AND_PARTICIPATION } from "./encounter-and-participation";
import { HOUSING_AND_NEIGHBOURHOOD } from "./housing-and-neighbourhood";
import { LANGUAGE_EDUCATION_WORK } from "./language-education-work";

export const CONTRIBUTIONS: readonly ContributionSeed[] = [
  ...ENCOUNTER_AND_PARTICIPATION,
  ...COUNSELLING_AND_HEALTH,
  ...LANGUAGE_EDUCATION_WORK,
  ...HOUSING_AND_NEIGHBOURHOOD,
];
