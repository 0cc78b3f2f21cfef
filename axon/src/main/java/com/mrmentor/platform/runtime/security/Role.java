package com.mrmentor.platform.runtime.security;

/** The platform's roles. Authorities carry them with Spring's {@code ROLE_} prefix. */
public enum Role {
    STUDENT, MENTOR, ADMIN, FINANCE, AUDITOR, SALES_HEAD, SALES_REP, RECRUITER
}
