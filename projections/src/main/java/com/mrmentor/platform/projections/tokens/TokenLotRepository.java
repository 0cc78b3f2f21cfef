package com.mrmentor.platform.projections.tokens;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

/** The lots of each wallet. */
public interface TokenLotRepository extends JpaRepository<TokenLotEntity, UUID> {

    /** Lots of {@code userId} that still hold tokens. */
    List<TokenLotEntity> findByUserIdAndRemainingGreaterThan(UUID userId, long remaining);
}
