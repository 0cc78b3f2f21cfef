package com.mrmentor.platform.projections.tokens;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

/** Wallet totals by owner. */
public interface TokenAccountRepository extends JpaRepository<TokenAccountEntity, UUID> {
}
