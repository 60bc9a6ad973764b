// A facility's kind arrives as the seed's English description of what the source calls it ("crisis shelter",
// "floating housing support"); this names each known description by a code, so that the page shows it in its own
// language (`facilityKinds.<CODE>`). A description not in the list is shown as written.
import type { TFunction } from 'i18next';

const CODES: Record<string, string> = {
  shelter: 'SHELTER',
  'crisis shelter': 'CRISIS_SHELTER',
  'crisis shelter, family ward': 'CRISIS_SHELTER_FAMILY_WARD',
  'intake shelter': 'INTAKE_SHELTER',
  'family shelter': 'FAMILY_SHELTER',
  'temporary shelter': 'TEMPORARY_SHELTER',
  'housing shelter': 'HOUSING_SHELTER',
  'follow-up shelter after crisis shelter': 'FOLLOW_UP_SHELTER',
  '24-hour residential care': 'RESIDENTIAL_CARE_24H',
  'floating housing support': 'FLOATING_SUPPORT',
  'intensive floating housing support (programme)': 'INTENSIVE_FLOATING_SUPPORT',
  'family care': 'FAMILY_CARE',
  'ambulatory family guidance': 'AMBULATORY_FAMILY_GUIDANCE',
  'social boarding house': 'SOCIAL_BOARDING_HOUSE',
  'dwellings with guidance': 'DWELLINGS_WITH_GUIDANCE',
};

export function facilityKind(t: TFunction, kind: string): string {
  const code = CODES[kind.trim().toLowerCase()];
  return code ? t(`facilityKinds.${code}`) : kind;
}

export const facilityKindCodes = Object.values(CODES);
