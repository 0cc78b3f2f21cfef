package com.mrmentor.platform.shared.identity;

/** The platform's roles. Access tokens and authorities carry them (Spring adds its {@code ROLE_} prefix). */
public enum Role {
    STUDENT, MENTOR, ADMIN, FINANCE, AUDITOR, SALES_HEAD, SALES_REP, RECRUITER
}
