package com.mrmentor.platform.shared.crm;

import java.util.UUID;

/** An event of one lead (aggregate id {@link CrmIds#lead(UUID)}). */
public interface LeadEvent {
    UUID leadId();
}
