package com.mrmentor.platform.shared.crm;

import java.util.UUID;

/** Aggregate identifiers of the CRM context. */
public final class CrmIds {

    /** The one assignment desk: rules, reps, rotation cursors and daily counts. */
    public static final String DESK = "crm-assignment-desk";

    private CrmIds() {
    }

    public static String lead(UUID leadId) {
        return "crm-lead:" + leadId;
    }

    public static String vendorKey(UUID keyId) {
        return "crm-vendor-key:" + keyId;
    }

    /** The targets of one rep for one month ({@code 2026-11}). */
    public static String target(UUID repId, java.time.YearMonth month) {
        return "crm-target:" + repId + ":" + month;
    }

    public static String request(UUID requestId) {
        return "crm-assignment-request:" + requestId;
    }
}
