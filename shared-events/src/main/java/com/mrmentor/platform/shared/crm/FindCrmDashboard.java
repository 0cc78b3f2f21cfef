package com.mrmentor.platform.shared.crm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The sales-head dashboard; a {@link CrmDashboardView}. */
public record FindCrmDashboard() {
}
