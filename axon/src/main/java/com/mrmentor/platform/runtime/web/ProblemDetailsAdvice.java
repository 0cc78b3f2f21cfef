package com.mrmentor.platform.runtime.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.mrmentor.platform.command.common.CommandSender;
import com.mrmentor.platform.command.common.RateLimits;
import com.mrmentor.platform.command.identity.AuthController;
import com.mrmentor.platform.shared.common.BusinessError;
import com.mrmentor.platform.shared.common.RuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * Every error leaves as {@code application/problem+json} with a stable {@code type}; validation problems name the
 * offending fields; nothing leaks a stack trace.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<Object> ruleViolation(RuleViolation violation) {
        if (violation.kind() == RuleViolation.Kind.TOO_MANY_REQUESTS) {
            // the rules behind these (one code a minute) free up within a minute
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "60")
                    .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, violation.code(), violation.getMessage()));
        }
        return problem(statusOf(violation.kind()), violation.code(), violation.getMessage());
    }

    /** Wrong e-mail or password: one answer for both, so that it does not reveal which accounts exist. */
    @ExceptionHandler(AuthController.InvalidCredentials.class)
    ResponseEntity<Object> invalidCredentials() {
        return problem(HttpStatus.UNAUTHORIZED, "invalid-credentials", "E-mail or password is wrong");
    }

    @ExceptionHandler(RateLimits.LimitReached.class)
    ResponseEntity<Object> limitReached(RateLimits.LimitReached refused) {
        long seconds = Math.max(1, (refused.retryAfter().toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, refused.code(),
                        refused.getMessage() + "; try again in " + seconds + " s"));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailed(CommandExecutionException exception) {
        Optional<Object> details = exception.getDetails();
        if (details.isPresent() && details.get() instanceof BusinessError error) {
            return ruleViolation(RuleViolation.from(error));
        }
        if (exception.getCause() instanceof RuleViolation violation) {
            return ruleViolation(violation);
        }
        return unexpected(exception);
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<Object> concurrentChange(Exception exception, HttpServletRequest request) {
        request.setAttribute(IdempotencyFilter.RETRIABLE, Boolean.TRUE);
        return problem(HttpStatus.CONFLICT, "concurrent-modification",
                "Someone else changed the same thing at the same moment; retry the request");
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> aggregateNotFound(AggregateNotFoundException exception) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "No such resource");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException exception) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", exception.getMessage());
    }

    @ExceptionHandler(CommandSender.CommandTimedOut.class)
    ResponseEntity<Object> timedOut(CommandSender.CommandTimedOut exception, HttpServletRequest request) {
        request.setAttribute(IdempotencyFilter.RETRIABLE, Boolean.TRUE);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "command-timeout", exception.getMessage());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException exception) {
        List<Map<String, String>> errors = exception.getConstraintViolations().stream()
                .map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
                .toList();
        return validationProblem(errors);
    }

    @ExceptionHandler(CompletionException.class)
    ResponseEntity<Object> completion(CompletionException exception) {
        // Query gateway futures wrap the handler's exception.
        Throwable cause = exception.getCause();
        if (cause instanceof RuleViolation violation) {
            return ruleViolation(violation);
        }
        if (cause instanceof CommandExecutionException failed) {
            return commandFailed(failed);
        }
        return unexpected(cause instanceof Exception e ? e : exception);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception) {
        if (exception instanceof ErrorResponse errorResponse) {
            return ResponseEntity.status(errorResponse.getStatusCode()).body(errorResponse.getBody());
        }
        // A rule can also refuse while the command commits (a subscribing handler), wrapped by the processor.
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RuleViolation violation) {
                return ruleViolation(violation);
            }
        }
        log.error("Unhandled error", exception);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Something went wrong on our side; the request id in X-Request-Id helps us find it");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::fieldError)
                .toList();
        return validationProblem(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", Optional.ofNullable(result.getMethodParameter().getParameterName()).orElse("?"),
                        "message", Optional.ofNullable(error.getDefaultMessage()).orElse("invalid"))))
                .toList();
        return validationProblem(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof RequestSizeLimitFilter.PayloadTooLarge tooLarge) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", tooLarge.getMessage());
        }
        if (!(cause instanceof JsonMappingException) && ex.getCause() instanceof JsonMappingException mapping) {
            cause = mapping; // a date or time that does not parse carries java.time's exception as its cause
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return validationProblem(List.of(Map.of("field", path(unknown), "message", "unknown field")));
        }
        if (cause instanceof InvalidFormatException invalid) {
            return validationProblem(List.of(Map.of("field", path(invalid),
                    "message", "cannot read '" + invalid.getValue() + "' as "
                            + invalid.getTargetType().getSimpleName())));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return validationProblem(List.of(Map.of("field", path(mismatch),
                    "message", "wrong type, expected " + mismatch.getTargetType().getSimpleName())));
        }
        if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            return validationProblem(List.of(Map.of("field", "body", "message", "a JSON body is required")));
        }
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", "The request body is not valid JSON");
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        // Spring's own problems (404, 405, 415, type mismatches…) get a stable type too.
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            String code = HttpStatus.resolve(statusCode.value()) == null ? "error"
                    : HttpStatus.resolve(statusCode.value()).name().toLowerCase().replace('_', '-');
            problem.setType(Problems.type(code));
            problem.setProperty("code", code);
        }
        return response;
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
                                                        HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        return validationProblem(List.of(Map.of("field", String.valueOf(field),
                "message", "cannot read '" + ex.getValue() + "' as "
                        + (ex.getRequiredType() == null ? "the expected type" : ex.getRequiredType().getSimpleName()))));
    }

    private static ResponseEntity<Object> validationProblem(List<Map<String, String>> errors) {
        String detail = errors.stream().map(e -> e.get("field") + ": " + e.get("message"))
                .collect(Collectors.joining("; "));
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).body(Problems.of(status, code, detail));
    }

    private static HttpStatus statusOf(RuleViolation.Kind kind) {
        return switch (kind) {
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(),
                "message", Optional.ofNullable(error.getDefaultMessage()).orElse("invalid"));
    }

    private static String path(JsonMappingException exception) {
        return exception.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
