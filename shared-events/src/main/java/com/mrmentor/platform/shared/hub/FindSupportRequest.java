package com.mrmentor.platform.shared.hub;

import java.util.UUID;

/** One support request; a {@link SupportRequestView}, or null. */
public record FindSupportRequest(UUID supportRequestId) {
}
