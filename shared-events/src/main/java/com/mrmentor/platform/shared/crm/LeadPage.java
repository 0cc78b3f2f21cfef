package com.mrmentor.platform.shared.crm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One page of leads, newest first, and how many match in all. */
public record LeadPage(List<LeadView> leads, int page, int size, long total) {
}
