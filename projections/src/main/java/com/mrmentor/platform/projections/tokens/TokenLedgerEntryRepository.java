package com.mrmentor.platform.projections.tokens;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

/** Ledger lines. */
public interface TokenLedgerEntryRepository extends JpaRepository<TokenLedgerEntryEntity, String> {

    /** A page of the lines of {@code userId}, newest first. */
    Page<TokenLedgerEntryEntity> findByUserIdOrderBySequenceDesc(UUID userId, Pageable pageable);
}
