package com.mrmentor.platform.shared.crm;

/** A bulk assignment request's state. */
public enum BulkAssignmentStatus {
    PENDING, APPROVED, REJECTED, LAPSED, CARRIED_OUT
}
