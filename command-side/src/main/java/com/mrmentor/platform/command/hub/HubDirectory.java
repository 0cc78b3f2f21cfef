package com.mrmentor.platform.command.hub;

import com.mrmentor.platform.shared.hub.HubGroupCreated;
import com.mrmentor.platform.shared.hub.MenteeApplicationSubmitted;
import com.mrmentor.platform.shared.hub.MenteePaired;
import com.mrmentor.platform.shared.hub.PairingEnded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Finds the mentor circle an application, pairing or group belongs to, so that routes naming only those ids address
 * the right aggregate, and knows every active pairing across mentors.
 *
 * <p>Owned by the command side and never exposed as a read model. Its processing group runs as a <em>subscribing</em>
 * processor, so its rows are written in the transaction of the event: a client can act on a new id right after the
 * 201. The primary key of {@code hub_active_pairing} (one row per paired mentee) is the set-based check that keeps a mentee with one mentor at
 * a time, also when two mentors accept the same mentee at the same moment (each circle only sees its own pairings):
 * the second acceptance fails as it commits.
 */
@Component
@ProcessingGroup(HubDirectory.PROCESSING_GROUP)
public class HubDirectory implements HubPairings {

    static final String PROCESSING_GROUP = "hub-directory";

    private final JdbcTemplate jdbc;

    public HubDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MenteeApplicationSubmitted event) {
        try {
            jdbc.update("INSERT INTO hub_application_directory (application_id, mentor_id, mentee_id) VALUES (?, ?, ?)",
                    event.applicationId(), event.mentorId(), event.menteeId());
        } catch (DuplicateKeyException reused) {
            throw HubRules.duplicateApplication();
        }
    }

    @EventHandler
    void on(MenteePaired event) {
        try {
            jdbc.update("INSERT INTO hub_active_pairing (mentee_id, pairing_id) VALUES (?, ?)", event.menteeId(),
                    event.pairingId());
        } catch (DuplicateKeyException pairedElsewhere) {
            throw HubRules.menteeAlreadyPaired();
        }
        jdbc.update("INSERT INTO hub_pairing_directory (pairing_id, mentor_id, mentee_id, active) "
                + "VALUES (?, ?, ?, TRUE)", event.pairingId(), event.mentorId(), event.menteeId());
    }

    @EventHandler
    void on(PairingEnded event) {
        jdbc.update("UPDATE hub_pairing_directory SET active = FALSE WHERE pairing_id = ?", event.pairingId());
        jdbc.update("DELETE FROM hub_active_pairing WHERE pairing_id = ?", event.pairingId());
    }

    @EventHandler
    void on(HubGroupCreated event) {
        try {
            jdbc.update("INSERT INTO hub_group_directory (group_id, mentor_id) VALUES (?, ?)", event.groupId(),
                    event.mentorId());
        } catch (DuplicateKeyException reused) {
            throw HubRules.duplicateGroup();
        }
    }

    /** The mentor whose circle holds {@code applicationId}. */
    public Optional<UUID> mentorOfApplication(UUID applicationId) {
        return jdbc.query("SELECT mentor_id FROM hub_application_directory WHERE application_id = ?",
                (rs, row) -> rs.getObject(1, UUID.class), applicationId).stream().findFirst();
    }

    /** The mentor whose circle holds {@code groupId}. */
    public Optional<UUID> mentorOfGroup(UUID groupId) {
        return jdbc.query("SELECT mentor_id FROM hub_group_directory WHERE group_id = ?",
                (rs, row) -> rs.getObject(1, UUID.class), groupId).stream().findFirst();
    }

    @Override
    public Optional<Pairing> pairing(UUID pairingId) {
        return jdbc.query("SELECT pairing_id, mentor_id, mentee_id, active FROM hub_pairing_directory "
                + "WHERE pairing_id = ?", (rs, row) -> new Pairing(rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getBoolean(4)), pairingId)
                .stream().findFirst();
    }

    @Override
    public Optional<Pairing> activePairingOfMentee(UUID menteeId) {
        return jdbc.query("SELECT pairing_id, mentor_id, mentee_id, active FROM hub_pairing_directory "
                + "WHERE pairing_id = (SELECT pairing_id FROM hub_active_pairing WHERE mentee_id = ?)", (rs, row) -> new Pairing(rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getBoolean(4)), menteeId)
                .stream().findFirst();
    }
}
