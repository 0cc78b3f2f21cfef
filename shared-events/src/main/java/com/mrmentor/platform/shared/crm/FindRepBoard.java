package com.mrmentor.platform.shared.crm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The board of rep {@code repId}; a {@link RepBoardView}. */
public record FindRepBoard(UUID repId) {
}
