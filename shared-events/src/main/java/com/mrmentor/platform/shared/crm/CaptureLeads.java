package com.mrmentor.platform.shared.crm;

import java.util.List;

/**
 * Capture several arrivals in one unit of work (a CSV import's rows): each exactly as one {@link CaptureLead} would be,
 * in order; a row the rules refuse is answered as refused and records nothing, the other rows go on. A row whose phone
 * or e-mail an earlier row of the same batch brought becomes a duplicate of that row's lead.
 */
public record CaptureLeads(List<CaptureLead> leads) {
}
