package com.mrmentor.platform.shared.crm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A rep's board: open leads, leads waiting for first contact (with their SLA clocks), follow-ups due and overdue. */
public record RepBoardView(UUID repId, long openLeads, List<LeadView> awaitingFirstContact,
                           List<FollowUpView> dueFollowUps, List<FollowUpView> overdueFollowUps) {
}
