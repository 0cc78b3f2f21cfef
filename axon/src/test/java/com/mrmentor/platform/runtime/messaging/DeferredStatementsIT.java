package com.mrmentor.platform.runtime.messaging;

import com.mrmentor.platform.projections.common.DeferredStatements;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Statements deferred to the commit of the transaction they were given in, on the real PostgreSQL: in their order,
 * not before the commit, at once outside a transaction; a flush sends them early, a discard drops them, and one that
 * fails at commit takes the whole transaction with it.
 */
class DeferredStatementsIT extends IntegrationTest {

    private static final String INSERT = "INSERT INTO deferred_statements_probe (run, n, label) VALUES (?, ?, ?)";
    private static final String RELABEL = "UPDATE deferred_statements_probe SET label = ? WHERE run = ? AND n = ?";

    @Autowired
    DeferredStatements statements;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private final String run = UUID.randomUUID().toString();

    @BeforeEach
    void probeTable() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS deferred_statements_probe (run VARCHAR(36) NOT NULL, n INT NOT NULL, "
                + "label VARCHAR(20), PRIMARY KEY (run, n))");
    }

    @AfterEach
    void dropProbeRows() {
        jdbc.update("DELETE FROM deferred_statements_probe WHERE run = ?", run);
    }

    @Test
    void statementsWaitForTheCommitAndKeepTheirOrder() {
        List<String> seenBeforeCommit = new TransactionTemplate(transactions).execute(status -> {
            statements.update(INSERT, run, 1, "first");
            statements.update(INSERT, run, 2, "second");
            statements.update(RELABEL, "relabelled", run, 1); // after the inserts it follows
            statements.update(INSERT, run, 3, null);
            return labels();
        });
        assertThat(seenBeforeCommit).isEmpty();
        assertThat(labels()).containsExactly("relabelled", "second", null);
    }

    @Test
    void aFlushSendsThemEarlyAndADiscardDropsWhatCameAfter() {
        List<String> afterFlush = new TransactionTemplate(transactions).execute(status -> {
            statements.update(INSERT, run, 1, "kept");
            statements.flush();
            List<String> seen = labels();
            statements.update(INSERT, run, 2, "dropped");
            statements.discard();
            return seen;
        });
        assertThat(afterFlush).containsExactly("kept");
        assertThat(labels()).containsExactly("kept");
    }

    @Test
    void aTransactionStartedInsideAnotherKeepsItsOwnStatements() {
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        List<String> seenAfterInnerCommit = new TransactionTemplate(transactions).execute(status -> {
            statements.update(INSERT, run, 1, "outer");
            inner.executeWithoutResult(innerStatus -> statements.update(INSERT, run, 2, "inner"));
            return labels(); // on the outer connection: the inner row is committed, the outer one still waits
        });
        assertThat(seenAfterInnerCommit).containsExactly("inner");
        assertThat(labels()).containsExactly("outer", "inner");
    }

    @Test
    void aStatementGivenAfterTheCommitSentThemIsRefused() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            statements.update(INSERT, run, 1, "sent");
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    assertThatThrownBy(() -> statements.update(INSERT, run, 2, "too late"))
                            .isInstanceOf(IllegalStateException.class);
                }
            });
        });
        assertThat(labels()).containsExactly("sent");
    }

    @Test
    void outsideATransactionAStatementRunsAtOnce() {
        statements.update(INSERT, run, 1, "now");
        assertThat(labels()).containsExactly("now");
    }

    @Test
    void aStatementThatFailsAtCommitRollsBackTheTransaction() {
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.update(INSERT, run, 1, "direct");
            statements.update(INSERT, run, 2, "deferred");
            statements.update(INSERT, run, 2, "duplicate");
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(labels()).isEmpty();
    }

    private List<String> labels() {
        return jdbc.queryForList("SELECT label FROM deferred_statements_probe WHERE run = ? ORDER BY n", String.class,
                run);
    }
}
