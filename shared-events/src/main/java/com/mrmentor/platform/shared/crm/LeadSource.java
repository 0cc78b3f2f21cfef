package com.mrmentor.platform.shared.crm;

/** Where a lead came from. */
public enum LeadSource {
    MANUAL, WEBSITE_FORM, CSV_IMPORT, VENDOR_API
}
