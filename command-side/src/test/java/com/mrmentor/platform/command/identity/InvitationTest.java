package com.mrmentor.platform.command.identity;

import com.mrmentor.platform.command.common.MutableClock;
import com.mrmentor.platform.shared.common.Platform;
import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.identity.IdentityIds;
import com.mrmentor.platform.shared.identity.InvitationAccepted;
import com.mrmentor.platform.shared.identity.InvitationIssued;
import com.mrmentor.platform.shared.identity.InvitationRevoked;
import com.mrmentor.platform.shared.identity.IssueInvitation;
import com.mrmentor.platform.shared.identity.RevokeInvitation;
import com.mrmentor.platform.shared.identity.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static com.mrmentor.platform.command.identity.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An invitation: issue, revoke, and the rules of {@link Invitation#accept} (invoked directly on the aggregate, as
 * {@link InvitationAcceptance} does; the two-aggregate acceptance itself is covered by the HTTP integration tests).
 */
class InvitationTest {

    private static final Instant NOW = Instant.parse("2025-03-10T09:00:00Z");
    private static final Duration TTL = Duration.ofDays(7);
    private static final Instant ISSUED_AT = NOW.minus(Duration.ofDays(1));

    private static final UUID INVITATION = UUID.fromString("00000000-0000-0000-0000-0000000001a1");
    private static final UUID INVITEE = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID ADMIN = UUID.fromString("00000000-0000-0000-0000-0000000000ad");
    private static final String ID = IdentityIds.invitation(INVITATION);

    private static final String EMAIL = "bob@example.com";
    private static final String INDEX = "index-of-bob";
    private static final String TOKEN_HASH = "invitation-token-hash";
    private static final String REASON = "sent to the wrong address";

    private MutableClock clock;
    private RecordingOpaqueTokens tokens;
    private AggregateTestFixture<Invitation> fixture;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(NOW);
        tokens = new RecordingOpaqueTokens();
        fixture = new AggregateTestFixture<>(Invitation.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(IdentityPolicy.defaults());
        fixture.registerInjectableResource(tokens);
    }

    // ---- issue ---------------------------------------------------------------------------------------------------

    @Test
    void issuingAnInvitationRecordsItForSevenDaysAndStoresTheTokenHash() {
        fixture.givenNoPriorActivity()
               .when(new IssueInvitation(INVITATION, INVITEE, "  Bob@Example.COM ", INDEX, Role.MENTOR,
                                         Set.of(Platform.MR_HIRE), ADMIN, TOKEN_HASH))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new InvitationIssued(INVITATION, INVITEE, EMAIL, INDEX, Role.MENTOR,
                                                  Set.of(Platform.MR_HIRE), ADMIN, NOW.plus(TTL)));
        assertThat(tokens.stored).containsExactly(
                new RecordingOpaqueTokens.Stored(TOKEN_HASH, OpaqueTokens.Kind.INVITATION, INVITATION, 0,
                                                 NOW.plus(TTL)));
    }

    @Test
    void invitationWithoutRoleIsRefused() {
        fixture.givenNoPriorActivity()
               .when(new IssueInvitation(INVITATION, INVITEE, EMAIL, INDEX, null, Set.of(Platform.MR_HIRE), ADMIN,
                                         TOKEN_HASH))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("missing-role"));
        assertThat(tokens.stored).isEmpty();
    }

    @Test
    void invitationWithoutEmailIsRefused() {
        fixture.givenNoPriorActivity()
               .when(new IssueInvitation(INVITATION, INVITEE, " ", INDEX, Role.MENTOR, Set.of(Platform.MR_HIRE),
                                         ADMIN, TOKEN_HASH))
               .expectNoEvents()
               .expectException(violation("missing-email"));
        assertThat(tokens.stored).isEmpty();
    }

    @Test
    void invitationWithoutPlatformIsRefused() {
        fixture.givenNoPriorActivity()
               .when(new IssueInvitation(INVITATION, INVITEE, EMAIL, INDEX, Role.MENTOR, Set.of(), ADMIN,
                                         TOKEN_HASH))
               .expectNoEvents()
               .expectException(violation("missing-platform"));
        assertThat(tokens.stored).isEmpty();
    }

    @Test
    void invitationWithoutTokenHashIsRefused() {
        fixture.givenNoPriorActivity()
               .when(new IssueInvitation(INVITATION, INVITEE, EMAIL, INDEX, Role.MENTOR, Set.of(Platform.MR_HIRE),
                                         ADMIN, null))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("missing-invitation-detail"));
        assertThat(tokens.stored).isEmpty();
    }

    // ---- revoke --------------------------------------------------------------------------------------------------

    @Test
    void openInvitationCanBeRevoked() {
        fixture.given(issued())
               .when(new RevokeInvitation(INVITATION, "  " + REASON + " "))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new InvitationRevoked(INVITATION, INVITEE, REASON));
    }

    @Test
    void revokedInvitationCannotBeRevokedAgain() {
        fixture.given(issued(), new InvitationRevoked(INVITATION, INVITEE, REASON))
               .when(new RevokeInvitation(INVITATION, REASON))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("invitation-not-open"))
               .expectExceptionMessage("The invitation cannot be used; it is REVOKED");
    }

    @Test
    void acceptedInvitationCannotBeRevoked() {
        fixture.given(issued(), new InvitationAccepted(INVITATION, INVITEE, ISSUED_AT.plus(Duration.ofHours(1))))
               .when(new RevokeInvitation(INVITATION, REASON))
               .expectNoEvents()
               .expectException(violation("invitation-not-open"))
               .expectExceptionMessage("The invitation cannot be used; it is ACCEPTED");
    }

    @Test
    void revokingWithoutReasonIsRefused() {
        fixture.given(issued())
               .when(new RevokeInvitation(INVITATION, " "))
               .expectNoEvents()
               .expectException(violation("missing-reason"));
    }

    // ---- accept (the invitation's half of InvitationAcceptance) --------------------------------------------------

    @Test
    void openInvitationIsAcceptedWithTheInvitedEmail() {
        fixture.given(issued())
               .whenInvoking(ID, invitation -> invitation.accept(INDEX, clock.instant()))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new InvitationAccepted(INVITATION, INVITEE, NOW));
    }

    @Test
    void invitationIsAcceptedJustBeforeItExpires() {
        TestExecutor<Invitation> given = fixture.given(issued());
        clock.set(ISSUED_AT.plus(TTL).minusSeconds(1));
        given.whenInvoking(ID, invitation -> invitation.accept(INDEX, clock.instant()))
             .expectEvents(new InvitationAccepted(INVITATION, INVITEE, ISSUED_AT.plus(TTL).minusSeconds(1)));
    }

    @Test
    void expiredInvitationIsRefused() {
        TestExecutor<Invitation> given = fixture.given(issued());
        clock.set(ISSUED_AT.plus(TTL));
        given.whenInvoking(ID, invitation -> invitation.accept(INDEX, clock.instant()))
             .expectNoEvents()
             .expectException(RuleViolation.class)
             .expectException(violation("invitation-expired"));
    }

    @Test
    void invitationIsRefusedToAnotherEmail() {
        fixture.given(issued())
               .whenInvoking(ID, invitation -> invitation.accept("index-of-mallory", clock.instant()))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("invitation-email-mismatch"));
    }

    @Test
    void invitationIsUsedAtMostOnce() {
        fixture.given(issued(), new InvitationAccepted(INVITATION, INVITEE, ISSUED_AT.plus(Duration.ofHours(1))))
               .whenInvoking(ID, invitation -> invitation.accept(INDEX, clock.instant()))
               .expectNoEvents()
               .expectException(violation("invitation-not-open"));
    }

    @Test
    void revokedInvitationCannotBeAccepted() {
        fixture.given(issued(), new InvitationRevoked(INVITATION, INVITEE, REASON))
               .whenInvoking(ID, invitation -> invitation.accept(INDEX, clock.instant()))
               .expectNoEvents()
               .expectException(violation("invitation-not-open"));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static InvitationIssued issued() {
        return new InvitationIssued(INVITATION, INVITEE, EMAIL, INDEX, Role.MENTOR, Set.of(Platform.MR_HIRE), ADMIN,
                ISSUED_AT.plus(TTL));
    }
}
