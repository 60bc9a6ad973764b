// Gap rule settings per city: covenant deadlines from the report data where a city has them, defaults elsewhere.
import { GapRuleId, gapRules, type GapRuleSetting } from '@ketenkaart/schema';
import { readCitiesJson } from './cities.js';

export function gapSettingsFromCities(data = readCitiesJson()): GapRuleSetting[] {
  const settings: GapRuleSetting[] = [];
  for (const city of data.cities as Record<string, any>[]) {
    const ew = city.earlyWarning ?? {};
    const feedback: number[] = Array.isArray(ew.feedbackDays) ? ew.feedbackDays : [];
    for (const ruleId of GapRuleId.options) {
      const rule = gapRules[ruleId];
      const base: GapRuleSetting = {
        cityId: city.id,
        ruleId,
        enabled: true,
        days: rule.defaultDays,
        severity: rule.defaultSeverity,
        source: 'Ketenkaart default (no norm stated in the sources)',
      };
      if (ruleId === 'FEEDBACK_INTERIM_MISSING' || ruleId === 'FEEDBACK_FINAL_MISSING') {
        const days = feedback[ruleId === 'FEEDBACK_INTERIM_MISSING' ? 0 : 1];
        settings.push(
          days === undefined
            ? {
                ...base,
                enabled: false,
                days: null,
                source: `${city.name}: no feedback deadlines stated (cities.json earlyWarning, 002 ${ew.source ?? ''})`,
              }
            : {
                ...base,
                days,
                source: `${ew.name ?? 'early-warning covenant'}: ${(ew.feedbackNames ?? [])[ruleId === 'FEEDBACK_INTERIM_MISSING' ? 0 : 1] ?? 'feedback'} by day ${days} (002 L736-740)`,
              },
        );
      } else if (ruleId === 'SIGNAL_NOT_FOLLOWED_UP') {
        // The report states a follow-up term only for Vroeg Eropaf; everywhere the days are Ketenkaart's own, said so,
        // and a city replaces them as data (a GapRuleSetting of its own).
        settings.push({
          ...base,
          source:
            feedback.length > 0
              ? `Ketenkaart default: ${rule.defaultDays} days; used only where no feedback deadline watches signals (${ew.name ?? city.name} has its own: 002 L736-740)`
              : `Ketenkaart default: ${rule.defaultDays} days (${city.name}: the report states no term for following up a signal)`,
        });
      } else {
        settings.push(base);
      }
    }
  }
  return settings;
}
