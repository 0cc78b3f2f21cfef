package com.mrmentor.platform.shared.crm;

/** A touch a rep logs on a lead. Every type but NOTE counts as contact. */
public enum ActivityType {
    CALL, NOTE, WHATSAPP, EMAIL;

    public boolean isContact() {
        return this != NOTE;
    }
}
