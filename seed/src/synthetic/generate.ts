// Deterministic synthetic families and their paths through the chain, with the failure patterns of docs/domain.md §4.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { HouseholdPath } from '@ketenkaart/api';
import { addDays } from '@ketenkaart/api';
import type { CityRoles } from './city-roles.js';

type Path = HouseholdPath;
type PathEvent = Path['events'][number];
type Rng = ReturnType<typeof xoroshiro128plus>;

/**
 * How the synthetic paths are drawn.
 * - `chain` (the default): every household goes down the chain far enough to show the failure patterns of
 *   docs/domain.md §4; for tests, demos and per-household costs. Most paths reach court, a sixth an eviction.
 * - `national`: the proportions of one national year as issue #10 gives them: about 1,000,000 early-warning
 *   signals on 700,000 households (repeat signals), about 4 million events, judgments and evictions in the
 *   thousands (docs/domain.md §7, "National, 003": 7,700 eviction orders, 3,300 executed). The split between
 *   contact, referral and the rest is a synthetic calibration to those totals, not a sourced fact.
 */
export const syntheticProfiles = ['chain', 'national'] as const;
export type SyntheticProfile = (typeof syntheticProfiles)[number];

/** The profile named by `name` (from a flag or the environment), or an error that lists the profiles. */
export function syntheticProfile(name: string): SyntheticProfile {
  const profile = syntheticProfiles.find((p) => p === name);
  if (!profile) throw new Error(`synthetic profile must be one of ${syntheticProfiles.join(', ')}, not "${name}"`);
  return profile;
}

export interface GenerateOptions {
  seed: number;
  families: number;
  regions: CityRoles[];
  /** Day the synthetic world stands still: no event is dated after it, whatever the wall clock says. */
  asOf: string;
  /** First day a path may start; paths start spread over the year before asOf by default. */
  startFrom?: string;
  profile?: SyntheticProfile;
  /**
   * Families numbered up to this one are drawn but not yielded (default 0): a segment of a run, from + 1 to
   * `families`, is the same families as that slice of the whole run, because the draws before it still happen.
   */
  from?: number;
  /**
   * The generator's state after family `from` (familyCursor): the run resumes there instead of drawing the
   * families before it again. Same families either way.
   */
  fromState?: readonly number[];
}

/** A small random toolkit over one seeded generator, so a seed always gives the same families. */
function random(rng: Rng) {
  const int = (min: number, max: number) => uniformInt(rng, min, max);
  return {
    int,
    chance: (percent: number) => int(1, 100) <= percent,
    pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!,
  };
}

export function* generateFamilies(options: GenerateOptions): Generator<Path> {
  const from = options.from ?? 0;
  const resumed = options.fromState !== undefined;
  const rng = resumed ? xoroshiro128plusFromState(options.fromState!) : xoroshiro128plus(options.seed);
  const draw = familyDraw(options, random(rng));
  for (let n = resumed ? from + 1 : 1; n <= options.families; n += 1) {
    const path = draw(n);
    if (n > from) yield path;
  }
}

/**
 * Walks a run's families without keeping them, to hand a segment the generator's state at its start: the parent
 * of a segmented load advances it while the previous segment loads.
 */
export function familyCursor(options: Omit<GenerateOptions, 'families' | 'from' | 'fromState'>) {
  const rng = xoroshiro128plus(options.seed);
  const draw = familyDraw(options, random(rng));
  let done = 0;
  return {
    /** The state after family n (n never behind the last call). */
    stateAfter(n: number): readonly number[] {
      for (; done < n; done += 1) draw(done + 1);
      return rng.getState();
    },
  };
}

function familyDraw(options: Omit<GenerateOptions, 'families'>, r: Random): (n: number) => Path {
  const startFrom = options.startFrom ?? addDays(options.asOf, -540);
  const span = Math.max(1, Math.round((Date.parse(options.asOf) - Date.parse(startFrom)) / 86_400_000) - 60);
  return (n) => {
    const roles = options.regions[r.int(0, options.regions.length - 1)]!;
    const builder = pathBuilder(n, options.seed, roles, addDays(startFrom, r.int(0, span)), options.asOf, r);
    return options.profile === 'national' ? nationalPath(builder) : chainPath(builder);
  };
}

type Random = ReturnType<typeof random>;
type Referral = Path['referrals'][number];

/**
 * One household's path as it is drawn: the household, a clock that only moves forward and stops at asOf, and
 * helpers that add events and regie. Both profiles draw through it, so their paths are shaped alike.
 */
function pathBuilder(n: number, seed: number, roles: CityRoles, start: string, asOf: string, r: Random) {
  const id = `hh_syn_${seed}_${n}`;
  const path: Path = {
    household: {
      id,
      reference: `SYN-${roles.cityId.slice(0, 3).toUpperCase()}-${seed}-${String(n).padStart(6, '0')}`,
      centrumgemeenteId: roles.cityId,
      municipality: roles.municipality,
      landlordType: r.chance(85) ? 'CORPORATION' : r.pick(['PRIVATE', 'SUBLET', 'UNKNOWN'] as const),
    },
    members: [],
    events: [],
    referrals: [],
    regie: [],
    consents: [],
  };
  const involved = new Set<string>([roles.prevention, roles.preventionRegie, roles.socialWork]);
  let k = 0;
  let day = start;
  let stopped = false;
  const b = {
    r,
    roles,
    path,
    start,
    get day() {
      return day;
    },
    /** Parents first, then `children()` children: the order of draws is part of what a seed gives. */
    addMembers(children: () => number) {
      const startYear = Number(start.slice(0, 4));
      const parents = r.chance(40) ? 2 : 1;
      for (let p = 1; p <= parents; p += 1) {
        path.members.push({
          personId: `${id}_p${p}`,
          label: `ouder ${p}`,
          birthYear: startYear - r.int(22, 50),
          role: p === 1 ? 'PARENT' : 'PARTNER',
          from: addDays(start, -r.int(400, 4000)),
          to: null,
          compositionSource: 'CORPORATION',
        });
      }
      const count = children();
      for (let c = 1; c <= count; c += 1) {
        const age = r.int(0, 17);
        // A child born after the tenancy began is missing from the corporation's records (L993-1001): known from a home visit or the GBA.
        path.members.push({
          personId: `${id}_k${c}`,
          label: `kind ${c}`,
          birthYear: startYear - age,
          role: 'CHILD',
          from: addDays(start, -age * 365),
          to: null,
          compositionSource: r.chance(60) ? 'GBA' : 'HOME_VISIT',
        });
      }
    },
    /** Moves the clock on by min..max days; false (and the path stops) when that passes asOf. */
    later(min: number, max: number) {
      const next = addDays(day, r.int(min, max));
      if (next > asOf) stopped = true;
      else day = next;
      return !stopped;
    },
    event(kind: string, extra: Partial<PathEvent> = {}): PathEvent {
      k += 1;
      const e: PathEvent = {
        id: `ev_syn_${seed}_${n}_${k}`,
        kind: kind as PathEvent['kind'],
        occurredOn: day,
        agencyId: null,
        facilityId: null,
        referralId: null,
        arrearsMonths: null,
        refusalReason: null,
        verdictKind: null,
        waitingListOutcome: null,
        rehousingKind: null,
        destination: null,
        priority: null,
        note: null,
        personId: null,
        regieStage: null,
        followsFromIds: [],
        supersedesId: null,
        ...extra,
      };
      path.events.push(e);
      if (e.agencyId) involved.add(e.agencyId);
      return e;
    },
    regie(agencyId: string, stage: Path['regie'][number]['stage']) {
      const open = path.regie.find((g) => g.to === null);
      const g = {
        id: `rg_syn_${seed}_${n}_${path.regie.length + 1}`,
        agencyId,
        stage,
        from: day,
        to: null as string | null,
        handedOverToId: null as string | null,
      };
      if (open) {
        open.to = day;
        open.handedOverToId = g.id;
        b.event('REGIE_HANDED_OVER', { agencyId: open.agencyId, regieStage: stage, note: `to ${agencyId}` });
      } else {
        b.event('REGIE_TAKEN', { agencyId, regieStage: stage });
      }
      path.regie.push(g);
      involved.add(agencyId);
    },
    referral(fromAgencyId: string, toAgencyId: string, purpose: string, cause: PathEvent): Referral {
      const referral: Referral = {
        id: `ref_syn_${seed}_${n}_${path.referrals.length + 1}`,
        fromAgencyId,
        toAgencyId,
        status: 'SENT',
        purpose,
        sentOn: day,
        respondBy: addDays(day, 14),
        respondedOn: null,
        closedOn: null,
        refusalReason: null,
        refusalText: null,
      };
      path.referrals.push(referral);
      b.event('REFERRAL_SENT', { agencyId: fromAgencyId, referralId: referral.id, followsFromIds: [cause.id] });
      return referral;
    },
    /** The referral is answered today: accepted. */
    accept(referral: Referral) {
      referral.status = 'ACCEPTED';
      referral.respondedOn = day;
      b.event('REFERRAL_ACCEPTED', { agencyId: referral.toAgencyId, referralId: referral.id });
    },
    /** The referral is answered today: refused, as social work refuses (too light, not eligible, no room). */
    refuse(referral: Referral) {
      referral.status = 'REFUSED';
      referral.respondedOn = day;
      referral.closedOn = day;
      referral.refusalReason = r.pick(['TOO_LIGHT', 'NOT_ELIGIBLE', 'NO_CAPACITY'] as const);
      b.event('REFERRAL_REFUSED', { agencyId: referral.toAgencyId, referralId: referral.id, refusalReason: referral.refusalReason });
    },
    complete(referral: Referral) {
      referral.status = 'COMPLETED';
      referral.closedOn = day;
      b.event('REFERRAL_COMPLETED', { agencyId: referral.toAgencyId, referralId: referral.id });
    },
    finish(): Path {
      path.consents.push({
        id: `con_syn_${seed}_${n}`,
        purpose: 'CHAIN_COORDINATION',
        recipientAgencyIds: [...involved].sort(),
        from: start,
        to: addDays(start, 3 * 365),
      });
      return path;
    },
  };
  return b;
}

type PathBuilder = ReturnType<typeof pathBuilder>;

/** The `chain` profile: far enough down the chain to show every failure pattern. */
function chainPath(b: PathBuilder): Path {
  const { r, roles, event, later, finish } = b;
  b.addMembers(() => r.int(1, 4));
  // 1. Arrears reported. A fifth of the reports arrive late, at three months or more (G6, L3172-3176).
  const signal = event('EARLY_WARNING_SIGNAL', { agencyId: roles.corporation, arrearsMonths: r.chance(80) ? r.int(1, 2) : r.int(3, 5) });
  // Without regie in a tenth of the cases (G5, L3845-3847).
  if (r.chance(90)) b.regie(roles.preventionRegie, 'REPORTED');
  // 2. Referral to social work; about a fifth are never answered (feedback never comes), some refused.
  if (!later(1, 6)) return finish();
  const referral = b.referral(roles.prevention, roles.socialWork, 'Huisbezoek en inventarisatie', signal);
  const answer = r.int(1, 100);
  if (answer <= 70) {
    if (!later(1, 12)) return finish();
    b.accept(referral);
    if (roles.feedbackDays.length > 0 && r.chance(65)) event('INTERIM_REPORT', { agencyId: roles.socialWork });
    if (!later(2, 20)) return finish();
    event('HOME_VISIT', { agencyId: roles.socialWork });
  } else if (answer <= 80) {
    if (!later(3, 20)) return finish();
    b.refuse(referral);
  }
  // 3. Most households settle: a debt arrangement and feedback to the corporation.
  if (r.chance(62)) {
    if (!later(10, 60)) return finish();
    event('DEBT_ARRANGEMENT', { agencyId: roles.debtCounselling ?? roles.socialWork });
    if (roles.feedbackDays.length > 0 && r.chance(70)) event('FEEDBACK_REPORT', { agencyId: roles.socialWork });
    if (referral.status === 'ACCEPTED' && later(60, 200)) b.complete(referral);
    return finish();
  }
  // 4. Court: summons, verdict.
  if (!later(30, 120)) return finish();
  event('SUMMONS', { agencyId: roles.corporation, arrearsMonths: r.int(3, 8) });
  return courtAndAfter(b, 35);
}

/** From the verdict on: eviction or not, and after an eviction shelter, refusal or out of sight. */
function courtAndAfter(b: PathBuilder, cancelledPercent: number): Path {
  const { r, roles, event, later, finish } = b;
  if (!later(20, 60)) return finish();
  const verdict = r.int(1, 100) <= 70 ? 'EVICTION' : r.chance(70) ? 'LAST_CHANCE' : 'DISMISSED';
  event('VERDICT', { agencyId: roles.court, verdictKind: verdict });
  if (verdict !== 'EVICTION') return finish();
  if (!later(10, 40)) return finish();
  event('EVICTION_PLANNED', { agencyId: roles.bailiff });
  if (!later(7, 30)) return finish();
  if (r.chance(cancelledPercent)) {
    event('EVICTION_CANCELLED', { agencyId: roles.corporation });
    return finish();
  }
  const destination = r.pick(['UNKNOWN', 'UNKNOWN', 'OWN_NETWORK', 'SHELTER', 'HOTEL_OR_HOLIDAY_HOME'] as const);
  const eviction = event('EVICTION_EXECUTED', { agencyId: roles.bailiff, destination });
  // 5. After eviction: about a third is out of sight with no follow-up (buiten beeld, G1).
  if (r.chance(30)) {
    if (r.chance(50) && later(20, 60)) event('LOST_CONTACT', { agencyId: roles.afterEviction });
    return finish();
  }
  b.regie(roles.afterEviction, 'EVICTED');
  if (!later(0, 5)) return finish();
  event('SHELTER_APPLICATION', { agencyId: roles.afterEviction, facilityId: roles.familyFacility, followsFromIds: [eviction.id] });
  if (!later(0, 3)) return finish();
  event('WAITING_LIST_ENTRY', { agencyId: roles.shelter, facilityId: roles.familyFacility, priority: r.int(1, 3) });
  const outcome = r.int(1, 100);
  if (outcome <= 25) {
    // Refused, mostly for capacity; half without any alternative recorded (G3, L2952-2966).
    if (!later(3, 30)) return finish();
    event('WAITING_LIST_EXIT', { agencyId: roles.shelter, facilityId: roles.familyFacility, waitingListOutcome: 'REFERRED_ELSEWHERE' });
    event('REFUSAL', {
      agencyId: roles.shelter,
      facilityId: roles.familyFacility,
      refusalReason: r.chance(75) ? 'NO_CAPACITY' : r.pick(['HOUSEHOLD_COMPOSITION', 'OUTSIDE_REGION'] as const),
      destination: r.chance(50) ? 'UNKNOWN' : 'HOTEL_OR_HOLIDAY_HOME',
    });
    return finish();
  }
  if (outcome <= 35) {
    // Gone from the waiting list, whereabouts unknown (G2).
    if (!later(20, 120)) return finish();
    event('WAITING_LIST_EXIT', { agencyId: roles.shelter, facilityId: roles.familyFacility, waitingListOutcome: 'LOST_CONTACT' });
    event('LOST_CONTACT', { agencyId: roles.shelter });
    return finish();
  }
  if (outcome <= 45) return finish(); // Still waiting: some far longer than the norm.
  if (!later(5, 200)) return finish();
  event('WAITING_LIST_EXIT', { agencyId: roles.shelter, facilityId: roles.familyFacility, waitingListOutcome: 'PLACED' });
  event('PLACEMENT', { agencyId: roles.shelter, facilityId: roles.familyFacility });
  // Regie passes to the institution at placement (L1404-1408); sometimes the handover is never recorded (G5).
  if (r.chance(85)) b.regie(roles.shelter, 'PLACED');
  if (!later(180, 420)) return finish();
  event('SHELTER_EXIT', {
    agencyId: roles.shelter,
    facilityId: roles.familyFacility,
    destination: r.chance(80) ? 'NEW_TENANCY' : 'UNKNOWN',
  });
  if (r.chance(80)) {
    if (!later(0, 14)) return finish();
    event('REHOUSING', { agencyId: roles.corporation, rehousingKind: r.pick(['URGENCY', 'CONTINGENT', 'OMKLAP', 'WOONOPVANG'] as const) });
    if (r.chance(70) && later(30, 90)) event('FOLLOW_UP_CONTACT', { agencyId: roles.shelter });
  }
  return finish();
}

/**
 * The `national` profile. Per household: one signal, and again in a third of the cases each time (about 1.4
 * signals a household, fewer where the clock stops at asOf); one or two contact attempts after most signals, feedback to the reporter where the city
 * asks for it, a referral for a quarter; court for 2%, so that 700,000 households give about 7,000 eviction
 * judgments and about 3,000 executed evictions.
 */
function nationalPath(b: PathBuilder): Path {
  const { r, roles, event, later, finish } = b;
  b.addMembers(() => (r.chance(45) ? r.int(1, 3) : 0));
  const first = signal(b);
  // Without regie in a tenth of the cases (G5, L3845-3847).
  if (r.chance(90)) b.regie(roles.preventionRegie, 'REPORTED');
  if (!contactAfter(b, first, 75)) return finish();
  // Feedback to the reporter where the city has deadlines for it (as Vroeg Eropaf's 14 and 28 days).
  if (roles.feedbackDays.length > 0 && r.chance(60)) {
    event('INTERIM_REPORT', { agencyId: roles.prevention });
    if (!later(7, 14)) return finish();
    event('FEEDBACK_REPORT', { agencyId: roles.prevention });
  }
  if (r.chance(25)) {
    if (!later(1, 10)) return finish();
    const to = r.chance(50) ? (roles.debtCounselling ?? roles.socialWork) : roles.socialWork;
    const referral = b.referral(roles.prevention, to, 'Schulden en huurachterstand', first);
    const answer = r.int(1, 100);
    if (answer <= 70) {
      if (!later(1, 12)) return finish();
      b.accept(referral);
      if (r.chance(80)) {
        if (!later(2, 20)) return finish();
        event('HOME_VISIT', { agencyId: to });
      }
      if (r.chance(60)) {
        if (!later(10, 60)) return finish();
        event('DEBT_ARRANGEMENT', { agencyId: roles.debtCounselling ?? roles.socialWork });
        if (later(60, 200)) b.complete(referral);
      }
    } else if (answer <= 80) {
      // Refused, with no alternative recorded.
      if (!later(3, 20)) return finish();
      b.refuse(referral);
    }
    // Else never answered: feedback never comes.
  }
  // Reported again: about 40% of real signals are repeats (issue #10); the clock stopping at asOf cuts some off.
  while (r.chance(33)) {
    if (!later(30, 150)) return finish();
    contactAfter(b, signal(b), 60);
  }
  if (r.int(1, 1000) > 20) return finish();
  if (!later(30, 120)) return finish();
  event('SUMMONS', { agencyId: roles.corporation, arrearsMonths: r.int(3, 8) });
  return courtAndAfter(b, 53);
}

/** A signal: a fifth from the landlord, the rest from other creditors (energy, water, health insurance) via the desk. */
function signal(b: PathBuilder): PathEvent {
  const { r, roles } = b;
  const agencyId = r.chance(20) ? roles.corporation : roles.prevention;
  // A fifth of the reports arrive late, at three months or more (G6, L3172-3176).
  return b.event('EARLY_WARNING_SIGNAL', { agencyId, arrearsMonths: r.chance(80) ? r.int(1, 2) : r.int(3, 5) });
}

/**
 * The desk's contact after a signal, in `percent` of the cases and some after the 14 days of the norm; half the
 * time a second attempt (a letter, then a call or a visit at the door). False when the path stopped at asOf.
 */
function contactAfter(b: PathBuilder, cause: PathEvent, percent: number): boolean {
  if (!b.r.chance(percent)) return true;
  if (!b.later(1, 20)) return false;
  const contact = b.event('CONTACT', { agencyId: b.roles.prevention, followsFromIds: [cause.id] });
  if (!b.r.chance(50)) return true;
  if (!b.later(3, 14)) return false;
  b.event('CONTACT', { agencyId: b.roles.prevention, followsFromIds: [contact.id] });
  return true;
}
