// The referral (verwijzing) status lifecycle as a pure state machine; the repository refuses any other step.
import { z } from 'zod';

// INFO_REQUESTED: the receiver asked the sender for more information before it answers (the answer goes back to SENT).
export const ReferralStatus = z.enum(['SENT', 'INFO_REQUESTED', 'ACCEPTED', 'REFUSED', 'COMPLETED', 'WITHDRAWN', 'EXPIRED']);
export type ReferralStatus = z.infer<typeof ReferralStatus>;

export const ReferralAction = z.enum(['ACCEPT', 'REFUSE', 'REQUEST_INFO', 'PROVIDE_INFO', 'COMPLETE', 'WITHDRAW', 'EXPIRE']);
export type ReferralAction = z.infer<typeof ReferralAction>;

const transitions: Record<ReferralStatus, Partial<Record<ReferralAction, ReferralStatus>>> = {
  SENT: { ACCEPT: 'ACCEPTED', REFUSE: 'REFUSED', REQUEST_INFO: 'INFO_REQUESTED', WITHDRAW: 'WITHDRAWN', EXPIRE: 'EXPIRED' },
  // The sender answers the question; the receiver's response term starts again from that day. Nobody owes the
  // receiver an answer meanwhile, so an open question does not expire.
  INFO_REQUESTED: { PROVIDE_INFO: 'SENT', WITHDRAW: 'WITHDRAWN' },
  // An accepted referral is closed by completion or withdrawal; it can no longer expire or be refused.
  ACCEPTED: { COMPLETE: 'COMPLETED', WITHDRAW: 'WITHDRAWN' },
  REFUSED: {},
  COMPLETED: {},
  WITHDRAWN: {},
  EXPIRED: {},
};

export type TransitionResult =
  { ok: true; to: ReferralStatus } | { ok: false; from: ReferralStatus; action: ReferralAction; allowed: ReferralAction[] };

export function referralTransition(from: ReferralStatus, action: ReferralAction): TransitionResult {
  const to = transitions[from][action];
  if (to) return { ok: true, to };
  return { ok: false, from, action, allowed: allowedActions(from) };
}

export function allowedActions(from: ReferralStatus): ReferralAction[] {
  return Object.keys(transitions[from]) as ReferralAction[];
}

export function isOpen(status: ReferralStatus): boolean {
  return status === 'SENT' || status === 'INFO_REQUESTED' || status === 'ACCEPTED';
}

/** Which agency may take an action: the receiver answers, the sender withdraws or gives more information; expiry is the system's. */
export function actingSide(action: ReferralAction): 'RECEIVER' | 'SENDER' | 'SYSTEM' {
  if (action === 'WITHDRAW' || action === 'PROVIDE_INFO') return 'SENDER';
  if (action === 'EXPIRE') return 'SYSTEM';
  return 'RECEIVER';
}

export const referralEventKind = {
  ACCEPT: 'REFERRAL_ACCEPTED',
  REFUSE: 'REFERRAL_REFUSED',
  REQUEST_INFO: 'REFERRAL_INFO_REQUESTED',
  PROVIDE_INFO: 'REFERRAL_INFO_PROVIDED',
  COMPLETE: 'REFERRAL_COMPLETED',
  WITHDRAW: 'REFERRAL_WITHDRAWN',
  EXPIRE: 'REFERRAL_EXPIRED',
} as const satisfies Record<ReferralAction, string>;
