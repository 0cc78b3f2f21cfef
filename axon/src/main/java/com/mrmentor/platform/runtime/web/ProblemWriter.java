package com.mrmentor.platform.runtime.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;

/** Writes a problem response from places that run before or outside Spring MVC (filters, security handlers). */
@Component
public class ProblemWriter {

    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    /** Writes a problem of rule {@code code} with {@code status} to {@code response}. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                      String detail) throws IOException {
        ProblemDetail problem = Problems.of(status, code, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
