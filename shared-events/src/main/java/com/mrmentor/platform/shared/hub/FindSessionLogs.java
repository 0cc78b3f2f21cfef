package com.mrmentor.platform.shared.hub;

import java.util.UUID;

/** Session logs of every pairing the user is (or was) the mentor or mentee of, newest date first; a list of {@link SessionLogView}. */
public record FindSessionLogs(UUID participantId) {
}
