package com.mrmentor.platform.runtime.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses request bodies over {@code platform.http.max-request-body} (100 kB) with a 413, before anything reads
 * them: at once when {@code Content-Length} says so, and while reading when a chunked body grows past the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long defaultLimit;
    private final long importLimit;
    private final ProblemWriter problems;

    public RequestSizeLimitFilter(@Value("${platform.http.max-request-body:100KB}") DataSize limit,
                                  @Value("${platform.http.max-import-body:20MB}") DataSize importLimit,
                                  ProblemWriter problems) {
        this.defaultLimit = limit.toBytes();
        this.importLimit = importLimit.toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // CSV lead imports (50,000 rows and more) have a limit of their own: platform.http.max-import-body
        long limit = "/api/crm/imports".equals(request.getRequestURI()) ? importLimit : defaultLimit;
        if (request.getContentLengthLong() > limit) {
            problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                    "Request bodies are limited to " + limit / 1024 + " kB");
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    /** Raised while reading a body that passes the limit; answered as 413 by {@link ProblemDetailsAdvice}. */
    public static class PayloadTooLarge extends IOException {
        PayloadTooLarge(long limit) {
            super("Request bodies are limited to " + limit / 1024 + " kB");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) throws PayloadTooLarge {
                    read += n;
                    if (read > limit) {
                        throw new PayloadTooLarge(limit);
                    }
                }
            };
        }
    }
}
