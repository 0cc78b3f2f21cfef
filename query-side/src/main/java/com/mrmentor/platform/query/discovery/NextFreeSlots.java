package com.mrmentor.platform.query.discovery;

import com.mrmentor.platform.shared.mentorship.AvailabilitySchedule;
import com.mrmentor.platform.shared.mentorship.FindMentorSlots;
import com.mrmentor.platform.shared.mentorship.MentorSlots;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/**
 * A mentor's next free slot, asked of the mentorship context through {@link FindMentorSlots}: the one place that
 * knows availability, minimum notice, the booking horizon and (with bookings) the times already taken. Nothing
 * about slots is computed or stored here, so discovery never offers a slot the mentor's page would not.
 *
 * <p>Cost: one query per mentor, each reading the mentor's row and laying out their windows up to {@code until}
 * (at most the 30-day horizon: a few hundred candidate starts). See docs/discovery.md.
 */
@Component
class NextFreeSlots {

    private final QueryGateway queries;

    NextFreeSlots(QueryGateway queries) {
        this.queries = queries;
    }

    /** The start of the mentor's first free slot starting in {@code [from, until)}, or null when there is none. */
    Instant next(UUID mentorId, Instant from, Instant until) {
        if (!from.isBefore(until)) {
            return null;
        }
        MentorSlots slots = queries.query(new FindMentorSlots(mentorId, from, until),
                ResponseTypes.instanceOf(MentorSlots.class)).join();
        if (slots == null || slots.slots() == null) {
            return null;
        }
        return slots.slots().stream().map(AvailabilitySchedule.Slot::start).min(Comparator.naturalOrder())
                .orElse(null);
    }
}
