package com.mrmentor.platform.runtime.axonserver;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a failed start under the {@code axonserver} profile into a short description and what to do about it. */
class AxonServerUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<AxonServerUnreachableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AxonServerUnreachableException cause) {
        return new FailureAnalysis(cause.getMessage() + ". The 'axonserver' profile routes commands, events and "
                + "queries through Axon Server and keeps the events there, so the application does not start "
                + "without it.",
                "Start Axon Server (settings: axon/axonserver/axonserver.properties) or wait until the cluster is up; "
                        + "check AXON_SERVERS (host:grpc-port, comma-separated; now " + cause.servers()
                        + "), AXON_CONTEXT (now " + cause.context() + "), AXON_SSL_ENABLED and AXON_CERT_FILE "
                        + "(TLS) and AXON_TOKEN (access control); or run without the 'axonserver' profile to keep "
                        + "the events in PostgreSQL.",
                cause);
    }
}
