package com.mrmentor.platform.shared.common;

/**
 * The serializable form of a {@link RuleViolation}: travels as the details of a failed command, also through Axon
 * Server, so that the dispatching node can answer the client with the right problem type.
 *
 * @param code    stable slug of the rule
 * @param kind    family of the violation
 * @param message human-readable explanation
 */
public record BusinessError(String code, RuleViolation.Kind kind, String message) {
}
