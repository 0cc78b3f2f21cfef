package com.mrmentor.platform.projections.identity;

import com.mrmentor.platform.shared.common.MetadataKeys;
import com.mrmentor.platform.shared.common.PersonalData;
import com.mrmentor.platform.shared.identity.AccountDeactivated;
import com.mrmentor.platform.shared.identity.AccountPlatformsChanged;
import com.mrmentor.platform.shared.identity.AccountReactivated;
import com.mrmentor.platform.shared.identity.AccountRegistered;
import com.mrmentor.platform.shared.identity.AccountRolesChanged;
import com.mrmentor.platform.shared.identity.AccountStage;
import com.mrmentor.platform.shared.identity.AccountStatus;
import com.mrmentor.platform.shared.identity.EmailVerified;
import com.mrmentor.platform.shared.identity.GoogleIdentityLinked;
import com.mrmentor.platform.shared.identity.InvitationAccepted;
import com.mrmentor.platform.shared.identity.InvitationIssued;
import com.mrmentor.platform.shared.identity.InvitationRevoked;
import com.mrmentor.platform.shared.identity.PasswordChanged;
import com.mrmentor.platform.shared.identity.PersonalDataErased;
import com.mrmentor.platform.shared.identity.ProfileCompleted;
import com.mrmentor.platform.shared.identity.SessionRefreshed;
import com.mrmentor.platform.shared.identity.SessionRevoked;
import com.mrmentor.platform.shared.identity.SessionStarted;
import com.mrmentor.platform.shared.identity.TotpEnrolled;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The read models of accounts, sessions and invitations. A <em>subscribing</em> processor (see
 * {@code application.yml}): rows change in the transaction that stores the event, because every request's access
 * check reads them (a deactivation or role change must count from the next request) and a client reads its account
 * right after signing up. Writes are idempotent, so redelivery changes nothing.
 *
 * <p>Erasure nulls the personal columns. A rebuild after erasure reads the encrypted fields as
 * {@link PersonalData#ERASED}, which is stored as null too.
 */
@Component
@ProcessingGroup(AccountProjection.PROCESSING_GROUP)
public class AccountProjection {

    public static final String PROCESSING_GROUP = "identity-accounts";

    private final JdbcTemplate jdbc;

    public AccountProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- accounts -------------------------------------------------------------------------------------------

    @EventHandler
    void on(AccountRegistered e) {
        jdbc.update("INSERT INTO user_account (user_id, email, name, roles, platforms, stage, status, "
                        + "registration_method, has_password, google_linked, totp_enrolled, registered_at) "
                        + "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, FALSE, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM user_account WHERE user_id = ?)",
                e.userId(), personal(e.email()), personal(e.name()), Csv.of(e.roles()), Csv.of(e.platforms()),
                AccountStage.SIGNUP.name(), AccountStatus.ACTIVE.name(), e.method().name(), e.hasPassword(),
                ts(e.registeredAt()), e.userId());
    }

    @EventHandler
    void on(EmailVerified e) {
        jdbc.update("UPDATE user_account SET stage = CASE WHEN stage = 'SIGNUP' THEN 'VERIFIED' ELSE stage END, "
                + "verified_at = COALESCE(verified_at, ?) WHERE user_id = ?", ts(e.verifiedAt()), e.userId());
    }

    @EventHandler
    void on(ProfileCompleted e) {
        jdbc.update("UPDATE user_account SET name = ?, phone = ?, profession = ?, domain = ?, photo_url = ?, "
                        + "stage = 'PROFILE_COMPLETE', profile_completed_at = COALESCE(profile_completed_at, ?) "
                        + "WHERE user_id = ? AND status <> 'ERASED'",
                personal(e.name()), personal(e.phone()), e.profession(), e.domain(), personal(e.photoUrl()),
                ts(e.at()), e.userId());
    }

    @EventHandler
    void on(PasswordChanged e) {
        // Sessions started before the change end with it, in this transaction: the revocation events that follow
        // record it per session, but access does not wait for them.
        jdbc.update("UPDATE user_account SET has_password = TRUE, sessions_valid_after = ?, kept_session_id = ? "
                + "WHERE user_id = ?", ts(e.at()), e.keptSessionId(), e.userId());
    }

    @EventHandler
    void on(GoogleIdentityLinked e) {
        jdbc.update("UPDATE user_account SET google_linked = TRUE, "
                + "has_password = CASE WHEN ? THEN FALSE ELSE has_password END WHERE user_id = ?",
                e.unprovenPasswordRemoved(), e.userId());
    }

    @EventHandler
    void on(TotpEnrolled e) {
        jdbc.update("UPDATE user_account SET totp_enrolled = TRUE WHERE user_id = ?", e.userId());
    }

    @EventHandler
    void on(AccountRolesChanged e) {
        jdbc.update("UPDATE user_account SET roles = ? WHERE user_id = ?", Csv.of(e.roles()), e.userId());
    }

    @EventHandler
    void on(AccountPlatformsChanged e) {
        jdbc.update("UPDATE user_account SET platforms = ? WHERE user_id = ?", Csv.of(e.platforms()), e.userId());
    }

    @EventHandler
    void on(AccountDeactivated e) {
        jdbc.update("UPDATE user_account SET status = 'DEACTIVATED', deactivated_reason = ? "
                + "WHERE user_id = ? AND status <> 'ERASED'", e.reason(), e.userId());
    }

    @EventHandler
    void on(AccountReactivated e) {
        jdbc.update("UPDATE user_account SET status = 'ACTIVE', deactivated_reason = NULL "
                + "WHERE user_id = ? AND status = 'DEACTIVATED'", e.userId());
    }

    @EventHandler
    void on(PersonalDataErased e) {
        jdbc.update("UPDATE user_account SET status = 'ERASED', has_password = FALSE, totp_enrolled = FALSE, email = NULL, name = NULL, phone = NULL, "
                + "photo_url = NULL, profession = NULL, domain = NULL, deactivated_reason = NULL, erased_at = ? "
                + "WHERE user_id = ?", ts(e.at()), e.userId());
        jdbc.update("UPDATE user_invitation SET email = NULL WHERE user_id = ?", e.userId());
        jdbc.update("UPDATE user_session SET client_ip = NULL WHERE user_id = ?", e.userId());
    }

    // ---- sessions -------------------------------------------------------------------------------------------

    @EventHandler
    void on(SessionStarted e, @MetaDataValue(MetadataKeys.CLIENT_IP) String clientIp) {
        jdbc.update("INSERT INTO user_session (session_id, user_id, method, platform, generation, started_at, "
                        + "expires_at, client_ip) SELECT ?, ?, ?, ?, 0, ?, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM user_session WHERE session_id = ?)",
                e.sessionId(), e.userId(), e.method().name(), e.platform().name(), ts(e.startedAt()),
                ts(e.expiresAt()), clientIp, e.sessionId());
        jdbc.update("UPDATE user_account SET last_sign_in_at = ? WHERE user_id = ?", ts(e.startedAt()), e.userId());
    }

    @EventHandler
    void on(SessionRefreshed e) {
        jdbc.update("UPDATE user_session SET generation = ?, last_refresh_at = ?, expires_at = ? "
                        + "WHERE session_id = ? AND generation < ?",
                e.generation(), ts(e.refreshedAt()), ts(e.expiresAt()), e.sessionId(), e.generation());
    }

    @EventHandler
    void on(SessionRevoked e) {
        jdbc.update("UPDATE user_session SET revoked_at = ?, revoked_reason = ? "
                + "WHERE session_id = ? AND revoked_at IS NULL", ts(e.revokedAt()), e.reason().name(), e.sessionId());
    }

    // ---- invitations ----------------------------------------------------------------------------------------

    @EventHandler
    void on(InvitationIssued e) {
        jdbc.update("INSERT INTO user_invitation (invitation_id, user_id, email, role, platforms, invited_by, "
                        + "expires_at, status) SELECT ?, ?, ?, ?, ?, ?, ?, 'OPEN' "
                        + "WHERE NOT EXISTS (SELECT 1 FROM user_invitation WHERE invitation_id = ?)",
                e.invitationId(), e.userId(), personal(e.email()), e.role().name(), Csv.of(e.platforms()),
                e.invitedBy(), ts(e.expiresAt()), e.invitationId());
    }

    @EventHandler
    void on(InvitationAccepted e) {
        jdbc.update("UPDATE user_invitation SET status = 'ACCEPTED', accepted_at = ? WHERE invitation_id = ?",
                ts(e.acceptedAt()), e.invitationId());
    }

    @EventHandler
    void on(InvitationRevoked e) {
        jdbc.update("UPDATE user_invitation SET status = 'REVOKED' WHERE invitation_id = ?", e.invitationId());
    }

    /** A personal field as stored: null once its subject's key is erased. */
    private static String personal(String value) {
        return PersonalData.ERASED.equals(value) ? null : value;
    }

    private static java.sql.Timestamp ts(Instant instant) {
        return instant == null ? null : java.sql.Timestamp.from(instant);
    }
}
