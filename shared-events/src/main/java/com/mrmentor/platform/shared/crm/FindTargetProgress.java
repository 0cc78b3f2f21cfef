package com.mrmentor.platform.shared.crm;

import java.util.UUID;

/** Targets and progress of {@code month} ({@code 2026-11}), for one rep or all; a list of {@link TargetProgressView}. */
public record FindTargetProgress(String month, UUID repId) {
}
