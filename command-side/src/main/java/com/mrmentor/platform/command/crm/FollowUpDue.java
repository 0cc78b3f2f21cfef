package com.mrmentor.platform.command.crm;

import java.util.UUID;

/** Deadline payload: the follow-up's time has come. */
record FollowUpDue(UUID followUpId) {
}
