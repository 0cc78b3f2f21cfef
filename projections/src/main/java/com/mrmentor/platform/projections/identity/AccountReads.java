package com.mrmentor.platform.projections.identity;

import com.mrmentor.platform.shared.common.Platform;
import com.mrmentor.platform.shared.identity.AccountPage;
import com.mrmentor.platform.shared.identity.AccountStage;
import com.mrmentor.platform.shared.identity.AccountStatus;
import com.mrmentor.platform.shared.identity.AccountView;
import com.mrmentor.platform.shared.identity.FindAccounts;
import com.mrmentor.platform.shared.identity.RegistrationMethod;
import com.mrmentor.platform.shared.identity.Role;
import com.mrmentor.platform.shared.identity.SessionRevocationReason;
import com.mrmentor.platform.shared.identity.SessionView;
import com.mrmentor.platform.shared.identity.SignInMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads of the identity read models, for the query side and for the per-request access check. */
@Component
public class AccountReads {

    private static final String ACCOUNT_COLUMNS = "user_id, email, name, phone, profession, domain, photo_url, roles, "
            + "platforms, stage, status, registration_method, has_password, google_linked, totp_enrolled, "
            + "registered_at, verified_at, profile_completed_at, last_sign_in_at, deactivated_reason, erased_at";
    private static final String SESSION_COLUMNS = "session_id, user_id, method, platform, generation, started_at, "
            + "expires_at, last_refresh_at, revoked_at, revoked_reason, client_ip";

    private final JdbcTemplate jdbc;

    public AccountReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What the access check needs about a caller, in one query.
     *
     * @param sessionRevoked whether the session is revoked, ended by a later password change, or unknown
     */
    public record Access(AccountStatus status, AccountStage stage, Set<Role> roles, Set<Platform> platforms,
                         boolean sessionRevoked) {
    }

    /** The caller's account and session as they are now; empty if the account is unknown. */
    public Optional<Access> access(UUID userId, UUID sessionId) {
        return jdbc.query("SELECT a.status, a.stage, a.roles, a.platforms, "
                                + "(s.session_id IS NULL OR s.revoked_at IS NOT NULL "
                                + " OR (a.sessions_valid_after IS NOT NULL AND s.started_at < a.sessions_valid_after"
                                + "     AND (a.kept_session_id IS NULL OR s.session_id <> a.kept_session_id)))"
                                + " AS revoked "
                                + "FROM user_account a LEFT JOIN user_session s "
                                + "ON s.session_id = ? AND s.user_id = a.user_id WHERE a.user_id = ?",
                        (rs, row) -> new Access(AccountStatus.valueOf(rs.getString(1)),
                                AccountStage.valueOf(rs.getString(2)), Csv.parse(rs.getString(3), Role.class),
                                Csv.parse(rs.getString(4), Platform.class), rs.getBoolean(5)),
                        sessionId, userId)
                .stream().findFirst();
    }

    public Optional<AccountView> account(UUID userId) {
        return jdbc.query("SELECT " + ACCOUNT_COLUMNS + " FROM user_account WHERE user_id = ?", ACCOUNT, userId)
                .stream().findFirst();
    }

    /** A page of accounts matching {@code query}, newest first; the text matches e-mail or name. */
    public AccountPage accounts(FindAccounts query) {
        StringBuilder where = new StringBuilder(" WHERE platforms LIKE ?");
        List<Object> args = new ArrayList<>();
        args.add("%" + query.platform().name() + "%");
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" AND (LOWER(email) LIKE ? OR LOWER(name) LIKE ?)");
            String pattern = "%" + escapeLike(query.text().trim().toLowerCase(Locale.ROOT)) + "%";
            args.add(pattern);
            args.add(pattern);
        }
        if (query.role() != null) {
            where.append(" AND (',' || roles || ',') LIKE ?");
            args.add("%," + query.role().name() + ",%");
        }
        if (query.status() != null) {
            where.append(" AND status = ?");
            args.add(query.status().name());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM user_account" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.size());
        pageArgs.add((long) query.page() * query.size());
        List<AccountView> accounts = jdbc.query("SELECT " + ACCOUNT_COLUMNS + " FROM user_account" + where
                + " ORDER BY registered_at DESC, user_id LIMIT ? OFFSET ?", ACCOUNT, pageArgs.toArray());
        return new AccountPage(accounts, query.page(), query.size(), total == null ? 0 : total);
    }

    public List<SessionView> activeSessions(UUID userId) {
        return jdbc.query("SELECT " + SESSION_COLUMNS + " FROM user_session WHERE user_id = ? AND revoked_at IS NULL "
                + "ORDER BY started_at DESC", SESSION, userId);
    }

    /** Sessions, newest first, of one user, one sign-in method and/or one platform. */
    public List<SessionView> sessions(UUID userId, SignInMethod method, Platform platform, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (userId != null) {
            where.append(" AND user_id = ?");
            args.add(userId);
        }
        if (method != null) {
            where.append(" AND method = ?");
            args.add(method.name());
        }
        if (platform != null) {
            where.append(" AND platform = ?");
            args.add(platform.name());
        }
        args.add(size);
        args.add((long) page * size);
        return jdbc.query("SELECT " + SESSION_COLUMNS + " FROM user_session" + where
                + " ORDER BY started_at DESC, session_id LIMIT ? OFFSET ?", SESSION, args.toArray());
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static final RowMapper<AccountView> ACCOUNT = (rs, row) -> new AccountView(
            rs.getObject("user_id", UUID.class), rs.getString("email"), rs.getString("name"), rs.getString("phone"),
            rs.getString("profession"), rs.getString("domain"), rs.getString("photo_url"),
            Csv.parse(rs.getString("roles"), Role.class), Csv.parse(rs.getString("platforms"), Platform.class),
            AccountStage.valueOf(rs.getString("stage")), AccountStatus.valueOf(rs.getString("status")),
            RegistrationMethod.valueOf(rs.getString("registration_method")), rs.getBoolean("has_password"),
            rs.getBoolean("google_linked"), rs.getBoolean("totp_enrolled"), instant(rs, "registered_at"),
            instant(rs, "verified_at"), instant(rs, "profile_completed_at"), instant(rs, "last_sign_in_at"),
            rs.getString("deactivated_reason"), instant(rs, "erased_at"));

    private static final RowMapper<SessionView> SESSION = (rs, row) -> new SessionView(
            rs.getObject("session_id", UUID.class), rs.getObject("user_id", UUID.class),
            SignInMethod.valueOf(rs.getString("method")), Platform.valueOf(rs.getString("platform")),
            rs.getInt("generation"), instant(rs, "started_at"), instant(rs, "expires_at"),
            instant(rs, "last_refresh_at"), instant(rs, "revoked_at"),
            rs.getString("revoked_reason") == null ? null : SessionRevocationReason.valueOf(rs.getString("revoked_reason")),
            rs.getString("client_ip"));

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
