package com.mrmentor.platform.shared.common;

import java.util.Objects;

/**
 * A business rule refused a command. The {@link #code()} is a stable slug (for example {@code insufficient-tokens})
 * that the HTTP layer turns into a problem {@code type}; the {@link #kind()} says which HTTP status family it belongs to.
 */
public class RuleViolation extends RuntimeException {

    /** How a violation maps onto the client's view of the world. */
    public enum Kind {
        /** The request is well formed but asks for something the rules never allow (422). */
        UNPROCESSABLE,
        /** The request conflicts with the current state (409). */
        CONFLICT,
        /** The thing the request names does not exist (404). */
        NOT_FOUND,
        /** The caller may not do this to this resource (403). */
        FORBIDDEN,
        /** The caller asked too often; try again later (429). */
        TOO_MANY_REQUESTS,
        /** The caller's credentials or session are not (or no longer) valid (401). */
        UNAUTHENTICATED,
        /** The request names or proves something that does not hold (a wrong signature, an unknown order) (400). */
        BAD_REQUEST,
        /** A system the platform depends on (a payment provider) did not answer; try again later (503). */
        UNAVAILABLE
    }

    private final String code;
    private final Kind kind;

    public RuleViolation(String code, Kind kind, String message) {
        super(message);
        this.code = Objects.requireNonNull(code);
        this.kind = Objects.requireNonNull(kind);
    }

    /** The stable slug of the rule, for example {@code insufficient-tokens}. */
    public String code() {
        return code;
    }

    /** The family of the violation. */
    public Kind kind() {
        return kind;
    }

    /** The violation as a serializable record, for transport as command-failure details. */
    public BusinessError toBusinessError() {
        return new BusinessError(code, kind, getMessage());
    }

    /** Rebuilds the violation from transported details. */
    public static RuleViolation from(BusinessError error) {
        return new RuleViolation(error.code(), error.kind(), error.message());
    }
}
