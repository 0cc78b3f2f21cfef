package com.mrmentor.platform.command.booking;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a confirmed session takes place. A video provider (Zoom, Meet, Jitsi…) implements this; the default
 * {@link UniqueRoomMeetingRooms} builds a unique, unguessable room address on a configured base URL.
 */
public interface MeetingRooms {

    /** A room for the session {@code bookingId} from {@code start} to {@code end}; its join URL. */
    String roomFor(UUID bookingId, Instant start, Instant end);
}
