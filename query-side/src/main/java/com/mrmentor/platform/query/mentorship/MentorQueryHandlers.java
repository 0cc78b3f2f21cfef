package com.mrmentor.platform.query.mentorship;

import com.mrmentor.platform.projections.booking.BookingReads;
import com.mrmentor.platform.projections.mentorship.MentorReads;
import com.mrmentor.platform.shared.mentorship.AvailabilitySchedule;
import com.mrmentor.platform.shared.mentorship.FindMentor;
import com.mrmentor.platform.shared.mentorship.FindMentorApplications;
import com.mrmentor.platform.shared.mentorship.FindMentorSlots;
import com.mrmentor.platform.shared.mentorship.MentorSlots;
import com.mrmentor.platform.shared.mentorship.MentorStatus;
import com.mrmentor.platform.shared.mentorship.MentorView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Answers the mentorship queries from the mentor read model. */
@Component
public class MentorQueryHandlers {

    private final MentorReads reads;
    private final BookingReads bookings;
    private final Clock clock;
    private final Duration sessionLength;
    private final Duration minNotice;
    private final Duration maxAdvance;

    public MentorQueryHandlers(MentorReads reads, BookingReads bookings, Clock clock,
                               @Value("${platform.mentorship.session-length:PT30M}") Duration sessionLength,
                               @Value("${platform.mentorship.min-notice:PT12H}") Duration minNotice,
                               @Value("${platform.mentorship.max-advance:P30D}") Duration maxAdvance) {
        this.reads = reads;
        this.bookings = bookings;
        this.clock = clock;
        this.sessionLength = sessionLength;
        this.minNotice = minNotice;
        this.maxAdvance = maxAdvance;
    }

    /** The mentor, or null when the user never applied. */
    @QueryHandler
    public MentorView handle(FindMentor query) {
        return reads.mentor(query.userId()).orElse(null);
    }

    @QueryHandler
    public List<MentorView> handle(FindMentorApplications query) {
        return reads.inStatus(query.status(), query.page(), query.size());
    }

    /** Free slots of an active mentor (none for others): availability, notice and horizon applied. */
    @QueryHandler
    public MentorSlots handle(FindMentorSlots query) {
        MentorView mentor = reads.mentor(query.userId()).orElse(null);
        if (mentor == null) {
            return null;
        }
        Instant now = clock.instant();
        Instant earliest = now.plus(minNotice);
        Instant latest = now.plus(maxAdvance);
        if (mentor.status() != MentorStatus.ACTIVE) {
            return new MentorSlots(mentor.userId(), mentor.timeZone(), mentor.pricePerSession(), earliest, latest,
                    List.of());
        }
        Duration buffer = Duration.ofMinutes(mentor.bufferMinutes());
        AvailabilitySchedule schedule = new AvailabilitySchedule(ZoneId.of(mentor.timeZone()), mentor.weekly(),
                mentor.dates(), sessionLength, buffer);
        // A slot is free when its session and the buffer after it end before a booking starts, and it starts after
        // that booking's own buffer: the same rule the booking calendar enforces on the command side.
        List<AvailabilitySchedule.Busy> busy = bookings.busy(mentor.userId(), query.from(), query.to()).stream()
                .map(b -> new AvailabilitySchedule.Busy(b.start().minus(buffer), b.end()))
                .toList();
        return new MentorSlots(mentor.userId(), mentor.timeZone(), mentor.pricePerSession(), earliest, latest,
                schedule.slots(query.from(), query.to(), earliest, latest, busy));
    }
}
