package com.mrmentor.platform.projections.tokens;

import com.mrmentor.platform.shared.tokens.TokenGrantStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

/** Grants. */
public interface TokenGrantRepository extends JpaRepository<TokenGrantEntity, UUID> {

    /** Grants in {@code status}, newest first. */
    Page<TokenGrantEntity> findByStatusOrderByRequestedAtDesc(TokenGrantStatus status, Pageable pageable);

    /** All grants, newest first. */
    Page<TokenGrantEntity> findAllByOrderByRequestedAtDesc(Pageable pageable);
}
