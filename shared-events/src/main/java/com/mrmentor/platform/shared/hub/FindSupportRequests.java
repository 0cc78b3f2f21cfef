package com.mrmentor.platform.shared.hub;

/** The needs-support queue, newest first; {@code resolved} null for all; a list of {@link SupportRequestView}. */
public record FindSupportRequests(Boolean resolved, int page, int size) {
}
