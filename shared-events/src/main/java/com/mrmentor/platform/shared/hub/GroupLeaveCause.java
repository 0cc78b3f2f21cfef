package com.mrmentor.platform.shared.hub;

/** Why a mentee left a group. */
public enum GroupLeaveCause {
    /** The mentee left. */
    LEFT,
    /** The mentee's pairing with the group's mentor ended, which ends their memberships in the mentor's groups. */
    PAIRING_ENDED
}
