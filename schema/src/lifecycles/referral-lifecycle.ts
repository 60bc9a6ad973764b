// The referral (verwijzing) status lifecycle as a pure state machine; the repository refuses any other step.
import { z } from 'zod';

export const ReferralStatus = z.enum(['SENT', 'ACCEPTED', 'REFUSED', 'COMPLETED', 'WITHDRAWN', 'EXPIRED']);
export type ReferralStatus = z.infer<typeof ReferralStatus>;

export const ReferralAction = z.enum(['ACCEPT', 'REFUSE', 'COMPLETE', 'WITHDRAW', 'EXPIRE']);
export type ReferralAction = z.infer<typeof ReferralAction>;

const transitions: Record<ReferralStatus, Partial<Record<ReferralAction, ReferralStatus>>> = {
  SENT: { ACCEPT: 'ACCEPTED', REFUSE: 'REFUSED', WITHDRAW: 'WITHDRAWN', EXPIRE: 'EXPIRED' },
  // An accepted referral is closed by completion or withdrawal; it can no longer expire or be refused.
  ACCEPTED: { COMPLETE: 'COMPLETED', WITHDRAW: 'WITHDRAWN' },
  REFUSED: {},
  COMPLETED: {},
  WITHDRAWN: {},
  EXPIRED: {},
};

export type TransitionResult =
  | { ok: true; to: ReferralStatus }
  | { ok: false; from: ReferralStatus; action: ReferralAction; allowed: ReferralAction[] };

export function referralTransition(from: ReferralStatus, action: ReferralAction): TransitionResult {
  const to = transitions[from][action];
  if (to) return { ok: true, to };
  return { ok: false, from, action, allowed: allowedActions(from) };
}

export function allowedActions(from: ReferralStatus): ReferralAction[] {
  return Object.keys(transitions[from]) as ReferralAction[];
}

export function isOpen(status: ReferralStatus): boolean {
  return status === 'SENT' || status === 'ACCEPTED';
}

/** Which agency may take an action: the receiver answers, the sender withdraws; expiry is the system's. */
export function actingSide(action: ReferralAction): 'RECEIVER' | 'SENDER' | 'SYSTEM' {
  if (action === 'WITHDRAW') return 'SENDER';
  if (action === 'EXPIRE') return 'SYSTEM';
  return 'RECEIVER';
}

export const referralEventKind = {
  ACCEPT: 'REFERRAL_ACCEPTED',
  REFUSE: 'REFERRAL_REFUSED',
  COMPLETE: 'REFERRAL_COMPLETED',
  WITHDRAW: 'REFERRAL_WITHDRAWN',
  EXPIRE: 'REFERRAL_EXPIRED',
} as const satisfies Record<ReferralAction, string>;
