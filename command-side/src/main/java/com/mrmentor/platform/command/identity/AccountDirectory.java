package com.mrmentor.platform.command.identity;

import com.mrmentor.platform.shared.identity.AccountRegistered;
import com.mrmentor.platform.shared.identity.PersonalDataErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Finds an account by e-mail (through its keyed hash, {@link EmailIndex}) and keeps e-mails unique: a set-based rule
 * no single account aggregate can enforce. A <em>subscribing</em> processor writes the row in the transaction that
 * stores {@link AccountRegistered}, so two sign-ups racing for one address leave exactly one account; the loser's
 * transaction fails with {@code email-already-registered}. Erasure frees the address.
 */
@Component
@ProcessingGroup(AccountDirectory.PROCESSING_GROUP)
public class AccountDirectory {

    static final String PROCESSING_GROUP = "identity-directory";

    private final JdbcTemplate jdbc;

    public AccountDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountRegistered event) {
        try {
            jdbc.update("INSERT INTO account_email_directory (email_index, user_id) VALUES (?, ?)",
                    event.emailIndex(), event.userId());
        } catch (DuplicateKeyException taken) {
            throw IdentityRules.emailTaken();
        }
    }

    @EventHandler
    void on(PersonalDataErased event) {
        jdbc.update("DELETE FROM account_email_directory WHERE user_id = ?", event.userId());
    }

    /** The account registered with the e-mail whose index is {@code emailIndex}. */
    public Optional<UUID> userIdFor(String emailIndex) {
        return jdbc.query("SELECT user_id FROM account_email_directory WHERE email_index = ?",
                (rs, row) -> rs.getObject(1, UUID.class), emailIndex).stream().findFirst();
    }
}
