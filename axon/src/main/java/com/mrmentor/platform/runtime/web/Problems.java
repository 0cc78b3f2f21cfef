package com.mrmentor.platform.runtime.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/** Builds RFC 9457 problems with the platform's stable type URIs ({@code /problems/<rule>}). */
public final class Problems {

    private Problems() {
    }

    /** The type URI of the rule {@code code}. */
    public static URI type(String code) {
        return URI.create("/problems/" + code);
    }

    /** A problem of the rule {@code code}. */
    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(code));
        problem.setProperty("code", code);
        return problem;
    }
}
