package com.mrmentor.platform.command.booking;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The default meeting-room provider: {@code <base-url><random>}, 128 random bits per room, so that a room address
 * cannot be guessed from a booking id. Chosen unless {@code platform.booking.meeting-rooms} names another provider.
 */
@Component
@ConditionalOnProperty(name = "platform.booking.meeting-rooms", havingValue = "unique-url", matchIfMissing = true)
public class UniqueRoomMeetingRooms implements MeetingRooms {

    private final SecureRandom random = new SecureRandom();
    private final String baseUrl;

    public UniqueRoomMeetingRooms(@Value("${platform.booking.meeting-base-url:https://meet.mentor.local/room/}")
                                  String baseUrl) {
        URI uri = URI.create(baseUrl);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("platform.booking.meeting-base-url must be an http(s) URL: " + baseUrl);
        }
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    @Override
    public String roomFor(UUID bookingId, Instant start, Instant end) {
        byte[] token = new byte[16];
        random.nextBytes(token);
        return baseUrl + Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }
}
