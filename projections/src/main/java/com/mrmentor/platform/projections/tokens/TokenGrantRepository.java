package com.mrmentor.platform.projections.tokens;

import com.mrmentor.platform.shared.tokens.TokenGrantStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.UUID;

/** Grants. */
public interface TokenGrantRepository extends JpaRepository<TokenGrantEntity, UUID> {

    /** Grants in {@code status}, newest first. */
    Page<TokenGrantEntity> findByStatusOrderByRequestedAtDesc(TokenGrantStatus status, Pageable pageable);

    /** All grants, newest first. */
    Page<TokenGrantEntity> findAllByOrderByRequestedAtDesc(Pageable pageable);

    /**
     * Grants to users of {@code platform} (a platform's name, e.g. {@code MR_MENTOR}), and to wallets with no account
     * behind them, newest first. Reads the identity read model's {@code user_account.platforms}.
     */
    @Query(value = VISIBLE + " ORDER BY g.requested_at DESC, g.grant_id",
            countQuery = "SELECT COUNT(*) " + VISIBLE_FROM, nativeQuery = true)
    Page<TokenGrantEntity> findVisibleIn(@Param("platform") String platform, Pageable pageable);

    /** Like {@link #findVisibleIn} for grants in {@code status} (its name). */
    @Query(value = VISIBLE + " AND g.status = :status ORDER BY g.requested_at DESC, g.grant_id",
            countQuery = "SELECT COUNT(*) " + VISIBLE_FROM + " AND g.status = :status", nativeQuery = true)
    Page<TokenGrantEntity> findVisibleIn(@Param("platform") String platform, @Param("status") String status,
                                         Pageable pageable);

    String VISIBLE_FROM = "FROM token_grant g LEFT JOIN user_account a ON a.user_id = g.user_id "
            + "WHERE (a.user_id IS NULL OR a.platforms LIKE CONCAT('%', :platform, '%'))";
    String VISIBLE = "SELECT g.* " + VISIBLE_FROM;
}
