package com.mrmentor.platform.shared.hub;

/** The two sides of a pair; each submits its own half of a session log. */
public enum PairSide {
    MENTOR,
    MENTEE
}
