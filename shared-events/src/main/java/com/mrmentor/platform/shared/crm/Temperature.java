package com.mrmentor.platform.shared.crm;

/** How warm a lead is. */
public enum Temperature {
    HOT, WARM, COLD;

    /**
     * The predicted interest from a call's duration (the seed's AI-call rule): at least 30 s HOT, at least 10 s WARM,
     * more than 0 s COLD; no prediction for an unanswered call.
     */
    public static Temperature fromCallSeconds(int seconds) {
        if (seconds >= 30) {
            return HOT;
        }
        if (seconds >= 10) {
            return WARM;
        }
        return seconds > 0 ? COLD : null;
    }
}
