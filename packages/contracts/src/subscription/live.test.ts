// The shared live-subscription definition: exactly pending, active and blocked; terminated and unknown are not.
import { describe, expect, it } from 'vitest';
import { isLiveSubscription, LIVE_SUBSCRIPTION_STATES, SubscriptionState } from './index.ts';

describe('isLiveSubscription', () => {
  it('counts pending, active and blocked as live and nothing else of the lifecycle', () => {
    expect(SubscriptionState.options.filter(isLiveSubscription)).toEqual(['pending', 'active', 'blocked']);
    expect([...LIVE_SUBSCRIPTION_STATES]).toEqual(['pending', 'active', 'blocked']);
  });

  it('treats terminated and states it does not know as not live', () => {
    for (const state of ['terminated', 'suspended', '', 'ACTIVE']) expect(isLiveSubscription(state), state).toBe(false);
  });
});
