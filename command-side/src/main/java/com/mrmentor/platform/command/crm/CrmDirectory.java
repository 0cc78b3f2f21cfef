package com.mrmentor.platform.command.crm;

import com.mrmentor.platform.shared.crm.LeadAssigned;
import com.mrmentor.platform.shared.crm.LeadCaptured;
import com.mrmentor.platform.shared.crm.LeadLeftUnassigned;
import com.mrmentor.platform.shared.crm.LeadMerged;
import com.mrmentor.platform.shared.crm.LeadUnmerged;
import com.mrmentor.platform.shared.crm.LeadStatusChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The CRM's command-side lookups, written in the transaction of each event (a <em>subscribing</em> processor) and never
 * exposed as read models:
 * <ul>
 * <li>{@code crm_contact_claim}: one row per normalised phone ({@code phone:+91…}) and e-mail ({@code email:…}),
 *     naming the lead that has it. Its primary key is the set-based de-duplication rule: two arrivals of the same
 *     number at once both find no lead and both try to create one; the second commit fails here
 *     ({@link CrmRules#CONTACT_CLAIMED}) and the intake is retried, when it finds the first lead and records a
 *     duplicate on it.</li>
 * <li>{@code crm_open_lead}: each assigned lead that is not closed, with its rep (fewest-open-leads).</li>
 * <li>{@code crm_unassigned}: the leads no rep could take, for the sweep.</li>
 * <li>{@code crm_merge_claim}: the claims a merge moved to the survivor, moved back by its undo.</li>
 * </ul>
 */
@Component
@ProcessingGroup(CrmDirectory.PROCESSING_GROUP)
public class CrmDirectory implements RepLoads, LeadContacts {

    static final String PROCESSING_GROUP = "crm-directory";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public CrmDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** The claim key of a normalised phone number. */
    static String phoneKey(String e164) {
        return "phone:" + e164;
    }

    /** The claim key of a normalised e-mail. */
    static String emailKey(String email) {
        return "email:" + email;
    }

    @EventHandler
    void on(LeadCaptured event) {
        try {
            if (event.phone() != null) {
                jdbc.update("INSERT INTO crm_contact_claim (contact_key, lead_id) VALUES (?, ?)",
                        phoneKey(event.phone()), event.leadId());
            }
            if (event.email() != null) {
                jdbc.update("INSERT INTO crm_contact_claim (contact_key, lead_id) VALUES (?, ?)",
                        emailKey(event.email()), event.leadId());
            }
        } catch (DuplicateKeyException claimedMeanwhile) {
            throw CrmRules.contactClaimed();
        }
    }

    @EventHandler
    void on(LeadAssigned event) {
        // a first assignment (no previous rep) has no open-lead row yet: straight to the insert
        if (event.previousRepId() == null || jdbc.update("UPDATE crm_open_lead SET rep_id = ? WHERE lead_id = ?",
                event.repId(), event.leadId()) == 0) {
            jdbc.update("INSERT INTO crm_open_lead (lead_id, rep_id) VALUES (?, ?)", event.leadId(), event.repId());
        }
        jdbc.update("DELETE FROM crm_unassigned WHERE lead_id = ?", event.leadId());
    }

    @EventHandler
    void on(LeadStatusChanged event) {
        if (event.to().isClosed()) {
            jdbc.update("DELETE FROM crm_open_lead WHERE lead_id = ?", event.leadId());
            jdbc.update("DELETE FROM crm_unassigned WHERE lead_id = ?", event.leadId());
        }
    }

    @EventHandler
    void on(LeadLeftUnassigned event) {
        jdbc.update("INSERT INTO crm_unassigned (lead_id, queued_at) SELECT ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM crm_unassigned WHERE lead_id = ?)", event.leadId(), Timestamp.from(event.queuedAt()),
                event.leadId());
    }

    /** The merged lead's contacts now find the survivor; the keys moved are kept so that an undo moves just those. */
    @EventHandler
    void on(LeadMerged event) {
        jdbc.update("INSERT INTO crm_merge_claim (merge_id, contact_key) SELECT ?, contact_key FROM crm_contact_claim "
                + "WHERE lead_id = ?", event.mergeId(), event.leadId());
        jdbc.update("UPDATE crm_contact_claim SET lead_id = ? WHERE lead_id = ?", event.survivorId(), event.leadId());
        jdbc.update("DELETE FROM crm_open_lead WHERE lead_id = ?", event.leadId());
        jdbc.update("DELETE FROM crm_unassigned WHERE lead_id = ?", event.leadId());
    }

    @EventHandler
    void on(LeadUnmerged event) {
        jdbc.update("UPDATE crm_contact_claim SET lead_id = ? WHERE contact_key IN "
                + "(SELECT contact_key FROM crm_merge_claim WHERE merge_id = ?)", event.leadId(), event.mergeId());
        jdbc.update("DELETE FROM crm_merge_claim WHERE merge_id = ?", event.mergeId());
        if (!event.status().isClosed()) {
            if (event.repId() != null) {
                jdbc.update("INSERT INTO crm_open_lead (lead_id, rep_id) VALUES (?, ?)", event.leadId(),
                        event.repId());
            } else {
                jdbc.update("INSERT INTO crm_unassigned (lead_id, queued_at) VALUES (?, ?)", event.leadId(),
                        Timestamp.from(event.undoneAt()));
            }
        }
    }

    /** A lead matching the phone (first) or the e-mail, and which of the two matched. */
    @Override
    public Optional<Match> leadByContact(String phone, String email) {
        if (phone != null) {
            Optional<UUID> byPhone = claim(phoneKey(phone));
            if (byPhone.isPresent()) {
                return Optional.of(new Match(byPhone.get(), "phone"));
            }
        }
        if (email != null) {
            return claim(emailKey(email)).map(lead -> new Match(lead, "email"));
        }
        return Optional.empty();
    }

    /** One query for a whole batch of arrivals (an import's rows), instead of one or two per arrival. */
    @Override
    public Claims claims(Collection<String> phones, Collection<String> emails) {
        Map<String, UUID> byPhone = new HashMap<>();
        Map<String, UUID> byEmail = new HashMap<>();
        List<String> keys = new ArrayList<>(phones.size() + emails.size());
        phones.forEach(phone -> keys.add(phoneKey(phone)));
        emails.forEach(email -> keys.add(emailKey(email)));
        for (int from = 0; from < keys.size(); from += 1000) {
            named.query("SELECT contact_key, lead_id FROM crm_contact_claim WHERE contact_key IN (:keys)",
                    new MapSqlParameterSource("keys", keys.subList(from, Math.min(keys.size(), from + 1000))),
                    rs -> {
                        String key = rs.getString(1);
                        UUID lead = rs.getObject(2, UUID.class);
                        if (key.startsWith("phone:")) {
                            byPhone.put(key.substring("phone:".length()), lead);
                        } else {
                            byEmail.put(key.substring("email:".length()), lead);
                        }
                    });
        }
        return new Claims(byPhone, byEmail);
    }

    private Optional<UUID> claim(String key) {
        return jdbc.query("SELECT lead_id FROM crm_contact_claim WHERE contact_key = ?",
                (rs, row) -> rs.getObject(1, UUID.class), key).stream().findFirst();
    }

    @Override
    public Map<UUID, Long> openLeads(Collection<UUID> reps) {
        Map<UUID, Long> counts = new HashMap<>();
        if (reps.isEmpty()) {
            return counts;
        }
        named.query("SELECT rep_id, COUNT(*) FROM crm_open_lead WHERE rep_id IN (:reps) GROUP BY rep_id",
                new MapSqlParameterSource("reps", reps),
                rs -> {
                    counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
                });
        return counts;
    }

    /** The leads waiting in the unassigned queue, most recently queued first (fresh leads are worth most). */
    public List<UUID> queued(int limit) {
        return jdbc.query("SELECT lead_id FROM crm_unassigned ORDER BY queued_at DESC, lead_id LIMIT ?",
                (rs, row) -> rs.getObject(1, UUID.class), limit);
    }
}
